import { describe, expect, it } from 'vitest';
import { callContextFrom } from '../../utils/panel-context';

describe('callContextFrom', () => {
  it.each([
    ['?platform=meet&host=meet.google.com', { platform: 'meet', host: 'meet.google.com' }],
    ['platform=meet&host=meet.google.com', { platform: 'meet', host: 'meet.google.com' }],
    ['?host=meet.google.com&platform=meet&extra=1', { platform: 'meet', host: 'meet.google.com' }],
    ['?platform=meet&host=MEET.Google.com', { platform: 'meet', host: 'MEET.Google.com' }],
  ])('reads the call from %j', (search, expected) => {
    expect(callContextFrom(search)).toEqual(expected);
  });

  it.each([
    ['an empty query', ''],
    ['an unknown platform', '?platform=zoom&host=zoom.us'],
    ['a platform id in the wrong case', '?platform=Meet&host=meet.google.com'],
    ['no platform', '?host=meet.google.com'],
    ['no host', '?platform=meet'],
    ['an empty host', '?platform=meet&host='],
    ['a host with a path', '?platform=meet&host=meet.google.com%2Fabc'],
    ['a host with a port', '?platform=meet&host=meet.google.com%3A443'],
    ['a host with markup', '?platform=meet&host=%3Cimg%20src%3Dx%3E'],
    ['a host with spaces', '?platform=meet&host=meet%20google%20com'],
    ['a host longer than 253 characters', `?platform=meet&host=${'a'.repeat(254)}`],
  ])('gives no call for %s', (_what, search) => {
    expect(callContextFrom(search)).toBeUndefined();
  });

  it('accepts a host of exactly 253 characters', () => {
    const host = 'a'.repeat(253);
    expect(callContextFrom(`?platform=meet&host=${host}`)).toEqual({ platform: 'meet', host });
  });
});
