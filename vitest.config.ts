import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/unit/setup.ts', 'tests/unit/setup-commands.ts'],
    // Spies (e.g. on console.warn) end with their test instead of leaking into the next.
    restoreMocks: true,
  },
});
