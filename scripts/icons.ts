/**
 * Draws the toolbar and store icons from tooling/icon.svg: `npx tsx scripts/icons.ts`.
 * Chrome takes no SVG icons, so each size is a PNG, rendered by the same Chromium the
 * tests use and committed to public/icon/, where WXT lists them in the manifest.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from '../tooling/find-browser';

const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const svg = readFileSync(new URL('../tooling/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium() });
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
    const path = fileURLToPath(new URL(`../public/icon/${size}.png`, import.meta.url));
    await page.screenshot({ path, omitBackground: true });
    console.log(path);
  }
} finally {
  await browser.close();
}
