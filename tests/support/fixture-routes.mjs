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
    // `?attune-bench` serves the busy call page that `npm run bench` measures on (tests/fixtures/meet/bench.html).
    page: (url) =>
      /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}\/?$/.test(url.pathname)
        ? url.searchParams.has('attune-bench')
          ? 'bench.html'
          : 'meeting.html'
        : 'landing.html',
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
