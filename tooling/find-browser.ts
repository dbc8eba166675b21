import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium that start, tests and benchmarks drive: CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else Playwright's own build if one is installed. Never downloads one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists = existsSync): string {
  const candidates: [string, string | undefined][] = [
    ['CHROMIUM_PATH', env.CHROMIUM_PATH],
    [SYSTEM_CHROMIUM, SYSTEM_CHROMIUM],
    ["Playwright's Chromium", playwrightChromium()],
  ];
  if (env.CHROMIUM_PATH && !exists(env.CHROMIUM_PATH)) {
    throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but no file is there.`);
  }
  for (const [, path] of candidates) if (path && exists(path)) return path;
  throw new Error(
    'No Chromium found. Looked for: the CHROMIUM_PATH environment variable, ' +
      `${SYSTEM_CHROMIUM} (Debian: apt-get install chromium), and Playwright's own Chromium ` +
      '(npx playwright install chromium). Install one of them or point CHROMIUM_PATH at a Chromium binary.',
  );
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const SYSTEM_FIREFOXES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/**
 * The Firefox the Firefox end-to-end tests drive through WebDriver BiDi:
 * FIREFOX_PATH, else Debian's firefox-esr or firefox. Undefined when there is
 * none (those tests then skip and say why; `.ci/run` installs firefox-esr).
 */
export function findFirefox(env: NodeJS.ProcessEnv = process.env, exists = existsSync): string | undefined {
  if (env.FIREFOX_PATH) {
    if (!exists(env.FIREFOX_PATH)) throw new Error(`FIREFOX_PATH is set to ${env.FIREFOX_PATH}, but no file is there.`);
    return env.FIREFOX_PATH;
  }
  return SYSTEM_FIREFOXES.find((path) => exists(path));
}
