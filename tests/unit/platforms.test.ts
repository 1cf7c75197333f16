import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { allMatchPatterns, meetingPlatformFor, platformById, platforms } from '../../utils/platforms';

/**
 * For every registered platform, URLs that are meetings and URLs that are not. A new platform without a table here
 * fails the meta-test below.
 */
export const meetingUrlTables: Record<string, { meetings: string[]; notMeetings: string[] }> = {
  meet: {
    meetings: [
      'https://meet.google.com/abc-defg-hij',
      'https://meet.google.com/abc-defg-hij/',
      'https://meet.google.com/abc-defg-hij?authuser=1',
      'https://meet.google.com/abc-defg-hij?pli=1&authuser=0#section',
      'https://meet.google.com/lookup/teamname',
      'https://meet.google.com/lookup/team-name_2/',
      'https://MEET.google.com/abc-defg-hij',
    ],
    notMeetings: [
      'https://meet.google.com/',
      'https://meet.google.com/landing',
      'https://meet.google.com/new',
      'https://meet.google.com/abc-defg',
      'https://meet.google.com/abc-defg-hijk',
      'https://meet.google.com/abc-defg-hij/extra',
      'https://meet.google.com/lookup/',
      'https://meet.google.com/landing?next=/abc-defg-hij',
      'https://meet.google.com.evil.example/abc-defg-hij',
      'https://evil.example/meet.google.com/abc-defg-hij',
      'https://example.com/abc-defg-hij',
      'https://calendar.google.com/abc-defg-hij',
    ],
  },
};

const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

describe.each(platforms.map((platform) => [platform.id, platform] as const))('platform %s', (id, platform) => {
  const table = meetingUrlTables[id] ?? { meetings: [], notMeetings: [] };

  it.each(table.meetings)('%s is a meeting', (url) => {
    expect(platform.isMeetingUrl(new URL(url))).toBe(true);
    expect(meetingPlatformFor(new URL(url))?.id).toBe(id);
  });

  it.each(table.notMeetings)('%s is not a meeting', (url) => {
    expect(platform.isMeetingUrl(new URL(url))).toBe(false);
  });

  it('is found by its id', () => {
    expect(platformById(id)).toBe(platform);
  });

  // The content script and the panel's web-accessible resource are limited to these patterns.
  it.each(table.meetings)('has a match pattern that lets Attune run on %s', (url) => {
    expect(platform.matches.some((pattern) => new MatchPattern(pattern).includes(url))).toBe(true);
  });

  it('never matches plain http', () => {
    const insecure = table.meetings.map((url) => url.replace(/^https:/, 'http:'));
    for (const url of insecure) {
      expect(platform.matches.some((pattern) => new MatchPattern(pattern).includes(url)), url).toBe(false);
    }
  });
});

describe('platform registry', () => {
  it('has a URL table for every registered platform, and no table for a platform that is not registered', () => {
    expect(Object.keys(meetingUrlTables).sort()).toEqual(platforms.map((platform) => platform.id).sort());
  });

  it.each(platforms.map((platform) => platform.id))('has meeting and non-meeting URLs for %s', (id) => {
    expect(meetingUrlTables[id]?.meetings.length).toBeGreaterThan(0);
    expect(meetingUrlTables[id]?.notMeetings.length).toBeGreaterThan(0);
  });

  it.each(platforms.map((platform) => platform.id))('has a fixture folder tests/fixtures/%s/ with an HTML page', (id) => {
    const dir = `${fixturesDir}${id}`;
    expect(existsSync(dir) && statSync(dir).isDirectory(), `${dir} is missing`).toBe(true);
    expect(readdirSync(dir).filter((file) => file.endsWith('.html'))).not.toEqual([]);
  });

  it('has unique ids', () => {
    const ids = platforms.map((platform) => platform.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the manifest every platform’s match patterns', () => {
    expect(allMatchPatterns()).toEqual(platforms.flatMap((platform) => platform.matches));
  });

  it('finds no platform for a page that is not a meeting', () => {
    expect(meetingPlatformFor(new URL('https://example.com/abc-defg-hij'))).toBeUndefined();
    expect(platformById('zoom')).toBeUndefined();
  });
});
