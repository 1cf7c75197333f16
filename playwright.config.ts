import { defineConfig } from '@playwright/test';

// The e2e suite drives the BUILT extension (npm run build first; npm test does) in Debian's Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  // Two Chromium instances share this machine's two cores, and a browser's first read of its policy store can take
  // seconds: generous waits keep the suite about behaviour, not about how busy the machine was.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: 'test-results',
});
