import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);

test('npm start without a display hovers a mention, saves both screenshots and exits 0', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'backstory-start-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, BACKSTORY_START_DIR: dir };
    delete env.DISPLAY;
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/start.ts', '--no-build'], { env, timeout: 100_000 });
    const card = join(dir, 'card.png');
    const popup = join(dir, 'popup.png');
    expect(stdout).toContain(`Card screenshot:  ${card}`);
    expect(stdout).toContain(`Popup screenshot: ${popup}`);
    expect(stdout).toMatch(/North Korea ×\d+/);
    for (const file of [card, popup]) {
      expect(existsSync(file), file).toBe(true);
      // A PNG, and not an empty one.
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      expect(readFileSync(file).length).toBeGreaterThan(10_000);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
