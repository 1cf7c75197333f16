import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // WXT's test stand-in for `wxt/browser` takes the fake browser from `wxt/testing`, whose index also exports the
    // Vitest plugin and with it all of WXT's build tooling, compiled again for every test file (about 1.5 s each). The
    // fake browser alone is the same object.
    alias: [{ find: /^wxt\/testing$/, replacement: fileURLToPath(import.meta.resolve('wxt/testing/fake-browser')) }],
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/unit/setup.ts', 'tests/unit/setup-commands.ts'],
    // Both cores: worker threads start faster than forked processes, and every test file gets a fresh module graph
    // and database either way.
    pool: 'threads',
    maxWorkers: 2,
    // Spies (e.g. on console.warn) end with their test instead of leaking into the next.
    restoreMocks: true,
  },
});
