import { defineConfig } from '@playwright/test';

// Each test launches Chromium with the built extension (tests/e2e/fixtures.ts);
// `npm test` builds .output/chrome-mv3 before this runs.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'off' },
});
