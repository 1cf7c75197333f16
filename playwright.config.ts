import { defineConfig } from '@playwright/test';

// The e2e suite drives the BUILT extension (npm run build first; npm test does) in Debian's Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: 'test-results',
});
