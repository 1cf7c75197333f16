import { describe, expect, it } from 'vitest';
import { isCallSite } from '../../utils/panel-context';

describe('isCallSite', () => {
  it.each<[string, { platform: string; host: string }, string | undefined, boolean]>([
    ['Meet framed by Meet', { platform: 'meet', host: 'meet.google.com' }, 'https://meet.google.com', true],
    ['Zoom for Healthcare on its vanity host', { platform: 'zoom', host: 'mercyhealth.zoom.us' }, 'https://mercyhealth.zoom.us', true],
    ['a host in another case', { platform: 'meet', host: 'MEET.google.com' }, 'https://meet.google.com', true],
    ['a custom host framed by itself', { platform: 'custom', host: 'telehealth.example-clinic.org' }, 'https://telehealth.example-clinic.org', true],
    ['no embedder reported (Firefox): the platform check alone', { platform: 'teams', host: 'teams.live.com' }, undefined, true],
    ['another site claiming a Meet call', { platform: 'meet', host: 'meet.google.com' }, 'https://evil.example', false],
    ['a built-in platform id on a host it does not own', { platform: 'meet', host: 'evil.example' }, 'https://evil.example', false],
    ['a plain-http embedder', { platform: 'meet', host: 'meet.google.com' }, 'http://meet.google.com', false],
  ])('%s → %s', (_name, context, embedder, expected) => {
    expect(isCallSite(context, embedder)).toBe(expected);
  });
});
