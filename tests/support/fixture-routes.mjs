// Serves the local fixture call pages at the platforms' real URLs, so the manifest's match patterns apply exactly as
// on the real sites and no request ever leaves the machine.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

/**
 * One entry per platform fixture folder. `page(url)` names the fixture file for a URL on that platform (relative to
 * tests/fixtures/<platform>/), and `headers` are extra response headers the real platform sends.
 * @type {{ platform: string, origins: RegExp, page: (url: URL) => string, headers?: Record<string, string> }[]}
 */
export const FIXTURE_SITES = [
  {
    platform: 'meet',
    origins: /^https:\/\/meet\.google\.com\//,
    // `?hl=de` is Meet's own UI-language switch; the German page proves detection does not read English labels.
    // `?attune-bench` serves the busy call page that `npm run bench` measures on (tests/fixtures/meet/bench.html).
    page: (url) => {
      if (!/^\/[a-z]{3}-[a-z]{4}-[a-z]{3}\/?$/.test(url.pathname)) return 'landing.html';
      if (url.searchParams.has('attune-bench')) return 'bench.html';
      return url.searchParams.get('hl') === 'de' ? 'meeting-de.html' : 'meeting.html';
    },
  },
  {
    platform: 'zoom',
    origins: /^https:\/\/(?:[a-z0-9-]+\.)?zoom\.us\//,
    page: (url) => (url.pathname === '/wc/leave' ? 'leave.html' : /^\/wc\/\d+\/(join|start)$/.test(url.pathname) ? 'wc.html' : 'launcher.html'),
    // Zoom's web client is cross-origin isolated; the panel frame must load under these headers.
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
  {
    platform: 'teams',
    origins: /^https:\/\/teams\.(?:microsoft\.com|live\.com|cloud\.microsoft)\//,
    page: (url) => (/^\/(?:l\/meetup-join|meet)\//.test(url.pathname) ? 'meetup-join.html' : 'app.html'),
  },
  {
    platform: 'doxy',
    origins: /^https:\/\/(?:[a-z0-9-]+\.)?doxy\.me\//,
    page: (url) => (/^\/(?:|sign-in|account)$/.test(url.pathname) ? 'landing.html' : 'room.html'),
  },
  {
    platform: 'simplepractice',
    origins: /^https:\/\/video\.simplepractice\.com\//,
    page: (url) => (url.pathname.startsWith('/appt-') ? 'appt.html' : 'landing.html'),
  },
  {
    platform: 'whereby',
    origins: /^https:\/\/(?:[a-z0-9-]+\.)?whereby\.com\//,
    page: (url) => (/^\/(?:|user)$/.test(url.pathname) ? 'landing.html' : 'room.html'),
  },
  {
    platform: 'jitsi',
    origins: /^https:\/\/(?:meet\.jit\.si|8x8\.vc)\//,
    page: (url) => (url.pathname === '/' ? 'welcome.html' : 'room.html'),
  },
  {
    platform: 'vsee',
    origins: /^https:\/\/(?:[a-z0-9-]+\.)?vsee\.me\//,
    page: (url) => (url.pathname.startsWith('/u/') ? 'waiting.html' : 'landing.html'),
  },
  // Not a built-in platform: a practice's own host, which a clinician adds on the options page.
  {
    platform: 'custom',
    origins: /^https:\/\/telehealth\.example-clinic\.org\//,
    page: () => 'room.html',
  },
];

/** Requests for these paths on any fixture site serve files shared by all fixtures (e.g. the page spy). */
const SHARED_PREFIX = '/__fixtures__/';

/**
 * @param {import('@playwright/test').BrowserContext} context
 */
export async function routeFixtureSites(context) {
  for (const site of FIXTURE_SITES) {
    await context.route(site.origins, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.startsWith(SHARED_PREFIX)) {
        const name = url.pathname.slice(SHARED_PREFIX.length).replace(/[^\w.-]/g, '');
        const body = await readFile(resolve(FIXTURES_DIR, 'shared', name), 'utf8');
        return route.fulfill({ contentType: 'text/javascript', body });
      }
      if (url.pathname === '/favicon.ico') return route.fulfill({ status: 204 });
      const body = await readFile(resolve(FIXTURES_DIR, site.platform, site.page(url)), 'utf8');
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body, headers: site.headers ?? {} });
    });
  }
}
