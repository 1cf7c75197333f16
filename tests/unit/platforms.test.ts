import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { allMatchPatterns, meetingPlatformFor, platformById, platformForHost, platforms } from '../../utils/platforms';
import { FIXTURE_SITES } from '../support/fixture-routes.mjs';

/**
 * For every registered platform, URLs that are meetings and URLs that are not (landing, home, chat, launcher pages and
 * look-alike hosts). A new platform without a table here fails the meta-test below.
 */
export const meetingUrlTables: Record<string, { meetings: string[]; notMeetings: string[] }> = {
  meet: {
    meetings: [
      'https://meet.google.com/abc-defg-hij',
      'https://meet.google.com/abc-defg-hij/',
      'https://meet.google.com/abc-defg-hij?authuser=1',
      'https://meet.google.com/abc-defg-hij?pli=1&authuser=0#section',
      'https://meet.google.com/abc-defg-hij?hl=de',
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
  zoom: {
    meetings: [
      'https://app.zoom.us/wc/84512345678/join',
      'https://app.zoom.us/wc/84512345678/join?fromPWA=1&pwd=abc123',
      'https://app.zoom.us/wc/845123456/start',
      'https://us02web.zoom.us/wc/join/84512345678',
      'https://zoom.us/wc/84512345678/join/',
      // Zoom for Healthcare accounts on their vanity subdomain, and Zoom for Government.
      'https://mercyhealth.zoom.us/wc/84512345678/join',
      'https://www.zoomgov.com/wc/1612345678/join',
    ],
    notMeetings: [
      'https://zoom.us/',
      'https://us02web.zoom.us/j/84512345678?pwd=abc123',
      'https://app.zoom.us/wc/leave',
      'https://app.zoom.us/wc/home',
      'https://zoom.us/signin',
      'https://zoom.us/meeting/schedule',
      'https://app.zoom.us/wc/12345/join',
      'https://app.zoom.us/wc/84512345678/join/extra',
      'https://zoom.us.evil.example/wc/84512345678/join',
      'https://notzoom.us/wc/84512345678/join',
    ],
  },
  teams: {
    meetings: [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA2ZmU%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d',
      'https://teams.microsoft.com/v2/l/meetup-join/19%3ameeting_NjA2ZmU%40thread.v2/0',
      'https://teams.live.com/meet/9312345678901',
      'https://teams.microsoft.com/meet/2561234567890?p=abc',
      'https://teams.cloud.microsoft/l/meetup-join/19%3ameeting_NjA2ZmU%40thread.v2/0',
    ],
    notMeetings: [
      'https://teams.microsoft.com/',
      'https://teams.microsoft.com/v2/',
      'https://teams.microsoft.com/_#/calendarv2',
      'https://teams.live.com/v2/',
      'https://teams.cloud.microsoft/v2/?culture=de-de',
      'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19',
      'https://teams.microsoft.com/l/chat/19:abc@thread.v2/conversations',
      'https://teams.microsoft.com.evil.example/l/meetup-join/19%3a/0',
      'https://microsoft.com/l/meetup-join/19%3ameeting/0',
    ],
  },
  doxy: {
    meetings: ['https://doxy.me/drsmith', 'https://doxy.me/drsmith/', 'https://drsmith.doxy.me/therapyroom', 'https://doxy.me/Dr.Jones'],
    notMeetings: [
      'https://doxy.me/',
      'https://doxy.me/sign-in',
      'https://doxy.me/account/rooms',
      'https://doxy.me/pricing',
      'https://doxy.me/drsmith/extra',
      'https://doxy.me.evil.example/drsmith',
      'https://notdoxy.me/drsmith',
    ],
  },
  simplepractice: {
    meetings: [
      'https://video.simplepractice.com/appt-4f2a9c1e8b7d6a5f',
      'https://video.simplepractice.com/appt-4f2a9c1e8b7d6a5f4f2a9c1e8b7d6a5f/',
    ],
    notMeetings: [
      'https://video.simplepractice.com/',
      'https://video.simplepractice.com/appt-',
      'https://video.simplepractice.com/appt-xyz123',
      'https://video.simplepractice.com/thank-you',
      'https://secure.simplepractice.com/appt-4f2a9c1e8b7d6a5f',
      'https://video.simplepractice.com.evil.example/appt-4f2a9c1e8b7d6a5f',
    ],
  },
  whereby: {
    meetings: ['https://whereby.com/therapy-room', 'https://whereby.com/therapy-room/', 'https://clinic.whereby.com/drsmith-room'],
    notMeetings: [
      'https://whereby.com/',
      'https://whereby.com/user',
      'https://whereby.com/information/about',
      'https://whereby.com/pricing',
      'https://whereby.com/therapy-room/settings',
      'https://whereby.com.evil.example/therapy-room',
    ],
  },
  jitsi: {
    meetings: [
      'https://meet.jit.si/AttuneRoom42',
      'https://meet.jit.si/AttuneRoom42#config.prejoinPageEnabled=true',
      'https://8x8.vc/vpaas-magic-cookie-1234abcd/TherapyRoom',
      'https://8x8.vc/TherapyRoom',
    ],
    notMeetings: [
      'https://meet.jit.si/',
      'https://meet.jit.si/static/close3.html',
      'https://meet.jit.si/static/',
      'https://8x8.vc/',
      'https://8x8.vc/a/b/c',
      'https://meet.jit.si.evil.example/AttuneRoom42',
      'https://jit.si/AttuneRoom42',
    ],
  },
  vsee: {
    meetings: ['https://clinic.vsee.me/u/drsmith', 'https://clinic.vsee.me/visits/ab12cd34', 'https://clinic.vsee.me/visits/ab12cd34/call'],
    notMeetings: [
      'https://clinic.vsee.me/',
      'https://clinic.vsee.me/dashboard',
      'https://clinic.vsee.me/providers/settings',
      'https://clinic.vsee.me/u/',
      'https://vsee.me.evil.example/u/drsmith',
      'https://vsee.com/u/drsmith',
    ],
  },
};

const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

describe.each(platforms.map((platform) => [platform.id, platform] as const))('platform %s', (id, platform) => {
  const table = meetingUrlTables[id] ?? { meetings: [], notMeetings: [] };

  it.each(table.meetings)('%s is a meeting', (url) => {
    expect(platform.isMeetingUrl(new URL(url))).toBe(true);
    expect(meetingPlatformFor(new URL(url))?.id).toBe(id);
    expect(platformForHost(new URL(url).hostname)?.id).toBe(id);
  });

  it.each(table.notMeetings)('%s is not a meeting', (url) => {
    expect(platform.isMeetingUrl(new URL(url))).toBe(false);
    expect(meetingPlatformFor(new URL(url))).toBeUndefined();
  });

  it('is found by its id', () => {
    expect(platformById(id)).toBe(platform);
  });

  // The content script and the host permissions are limited to these patterns.
  it.each(table.meetings)('has a match pattern that lets Attune run on %s', (url) => {
    expect(platform.matches.some((pattern) => new MatchPattern(pattern).includes(url))).toBe(true);
  });

  it('owns exactly the hosts its match patterns cover', () => {
    const hosts = [...table.meetings, ...table.notMeetings].map((url) => new URL(url).hostname);
    for (const host of hosts) {
      const matched = platform.matches.some((pattern) => new MatchPattern(pattern).includes(`https://${host}/`));
      expect(platform.ownsHost(host), host).toBe(matched);
    }
  });

  it('never matches plain http', () => {
    const insecure = table.meetings.map((url) => url.replace(/^https:/, 'http:'));
    for (const url of insecure) {
      expect(platform.matches.some((pattern) => new MatchPattern(pattern).includes(url)), url).toBe(false);
    }
  });

  // Hints must survive a change of UI language, and the fixture must carry them so the e2e flow exercises them.
  it('has DOM hints on ids and attributes (never label text) that its fixture reproduces', () => {
    const fixtureText = readdirSync(`${fixturesDir}${id}`)
      .map((file) => readFileSync(`${fixturesDir}${id}/${file}`, 'utf8'))
      .join('\n');
    const selectors: string[] = [platform.hints?.lobby, platform.hints?.call, platform.hints?.left].filter(
      (selector): selector is string => selector !== undefined,
    );
    for (const selector of selectors) {
      expect(selector).not.toMatch(/aria-label|title|placeholder|alt=|:contains|:has-text|text\(/);
      for (const part of selector.split(',').map((alternative) => alternative.trim())) {
        const attribute = /^\[([\w-]+)="([^"]+)"\]$/.exec(part);
        const expected = attribute ? `${attribute[1]}="${attribute[2]}"` : part.startsWith('#') ? `id="${part.slice(1)}"` : part.slice(1);
        expect(fixtureText, `${id} fixture lacks ${part}`).toContain(expected);
      }
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

  it.each(platforms.map((platform) => platform.id))('serves the %s fixture at the platform’s real meeting URLs', (id) => {
    const site = FIXTURE_SITES.find((candidate) => candidate.platform === id);
    expect(site, `FIXTURE_SITES has no entry for ${id}`).toBeDefined();
    for (const url of meetingUrlTables[id]?.meetings ?? []) {
      if (!site!.origins.test(url)) continue;
      expect(existsSync(`${fixturesDir}${id}/${site!.page(new URL(url))}`), url).toBe(true);
    }
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
    expect(platformById('skype')).toBeUndefined();
    expect(platformForHost('example.com')).toBeUndefined();
  });
});
