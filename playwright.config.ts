import { defineConfig } from '@playwright/test';
import { findChromium } from './tooling/find-browser';

// tests/e2e launches Chromium with the built extension (tests/e2e/fixtures.ts), tests/firefox
// Firefox with the Firefox build; `npm test` builds both before it runs.
export default defineConfig({
  projects: [
    // Page code alone in real Chromium, bundled without the extension.
    // Its browser is set here, not in a shared fixtures module: a test.use() there applies only to the first file that loads it.
    { name: 'page', testDir: 'tests/page', use: { launchOptions: { executablePath: findChromium() } } },
    // The built extension, end to end.
    { name: 'e2e', testDir: 'tests/e2e' },
    // The Firefox build in Firefox (through WebDriver BiDi, tests/firefox/fixtures.ts).
    { name: 'firefox', testDir: 'tests/firefox' },
  ],
  // A test.only left in would run that test alone and call the rest passed.
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'off' },
});
