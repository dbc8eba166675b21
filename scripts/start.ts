/**
 * `npm start`: builds the extension and opens Chromium with it on the demo article.
 * Without a display (or with --headless) it hovers a mention, saves screenshots of
 * the open card and of the popup, prints what it found, and exits.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { foundOnTab, tabIdIn } from '../tooling/extension-tabs';
import { launchWithExtension } from '../tooling/launch-extension';
import { startPageServer } from '../tooling/page-server';
import { paintedTexts } from '../tooling/painted-texts';
import { runQuietly } from '../tooling/run-quietly';
import { textBoxInPage } from '../tooling/text-point';

const OUT_DIR = resolve(process.env.BACKSTORY_START_DIR ?? '.start');

async function main() {
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
  // --no-build: the test suite runs this right after building once.
  if (!process.argv.includes('--no-build')) {
    console.log('Building the extension…');
    runQuietly('npx', ['wxt', 'build']);
  }

  const server = await startPageServer();
  const demoUrl = `${server.origin}/demo`;
  const launched = await launchWithExtension({ headless, viewport: { width: 1280, height: 860 } });
  const page = launched.context.pages()[0] ?? (await launched.context.newPage());
  await page.goto(demoUrl);
  console.log(`Demo article: ${demoUrl}`);

  if (!headless) {
    console.log('Chromium is open with Backstory loaded. Hover a highlighted name; close the browser to stop.');
    await new Promise<void>((done) => launched.context.on('close', () => done()));
    // Closing the window ends the browser; this removes the profile it used.
    await launched.close();
    await server.close();
    return;
  }

  try {
    mkdirSync(OUT_DIR, { recursive: true });
    const mentions = await waitForMentions(page);
    const cardShot = resolve(OUT_DIR, 'card.png');
    await hoverFirst(page, 'North Korea');
    // The hover delay, the card's facts, its placing and its fade-in, with room for a busy machine.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: cardShot });

    const popup = await launched.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html`);
    // The popup as a page about the demo tab: a real toolbar popup cannot be screenshotted.
    const tabId = await tabIdIn(popup, demoUrl);
    await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: /^North Korea/ }).waitFor();
    const popupShot = resolve(OUT_DIR, 'popup.png');
    await popup.screenshot({ path: popupShot, fullPage: true });

    const found = await foundOnTab(popup, tabId);
    console.log(`Found on the demo article (${found.length} of the story's names, ${mentions.length} painted in view):`);
    for (const entity of found) console.log(`  ${entity.name} ×${entity.count}`);
    console.log(`Card screenshot:  ${cardShot}`);
    console.log(`Popup screenshot: ${popupShot}`);
  } finally {
    await launched.close();
    await server.close();
  }
}

async function waitForMentions(page: Page): Promise<string[]> {
  await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0, undefined, {
    timeout: 15_000,
  });
  return paintedTexts(page);
}

async function hoverFirst(page: Page, text: string) {
  const box = await page.evaluate(textBoxInPage, { text, within: 'article' });
  if (!box) throw new Error(`"${text}" is not on the demo page`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
