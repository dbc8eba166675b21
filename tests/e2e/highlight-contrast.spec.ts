import type { Page } from '@playwright/test';
import { textBoxInPage } from '../../tooling/text-point';
import { shadowUiBox } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test } from './fixtures';

/**
 * The colours a name is drawn in, read from the pixels the browser drew: the
 * most common colour of the name's box is the background our highlight gives
 * it, the one farthest from it the letters. Their contrast ratio (WCAG), and the
 * background's luminance.
 */
async function drawnColours(page: Page, name: string): Promise<{ contrast: number; background: number }> {
  const box = await page.evaluate(textBoxInPage, { text: name });
  const png = await page.screenshot({ clip: box!, type: 'png' });
  return page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const luminance = (i: number) => 0.2126 * channel(pixels[i]!) + 0.7152 * channel(pixels[i + 1]!) + 0.0722 * channel(pixels[i + 2]!);
    const counts = new Map<number, number>();
    for (let i = 0; i < pixels.length; i += 4) {
      const key = (pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const [common] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    let background = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!) === common) {
        background = luminance(i);
        break;
      }
    }
    let text = background;
    for (let i = 0; i < pixels.length; i += 4) {
      const l = luminance(i);
      if (Math.abs(l - background) > Math.abs(text - background)) text = l;
    }
    return { contrast: (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05), background };
  }, png.toString('base64'));
}

const drawnContrast = async (page: Page, name: string) => (await drawnColours(page, name)).contrast;

const PAGES = {
  // A dark site's usual colours (10.4:1 unhighlighted).
  dark: 'background:#1e1e1e;color:#ccc',
  light: 'background:#fff;color:#333',
};

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    for (const [kind, style] of Object.entries(PAGES)) {
      test(`on a ${kind} page, a highlighted name, and the one whose card is open, keep their letters readable`, async ({ page, server }) => {
        server.route(
          `/contrast-${kind}`,
          `<!doctype html><html lang="en"><body style="${style};font:bold 40px/1.5 sans-serif"><p>Vladimir Putin met Kim Jong Un.</p></body></html>`,
        );
        await page.goto(`${server.origin}/contrast-${kind}`);
        await expect.poll(() => paintedMentions(page)).toBe(2);
        expect(await drawnContrast(page, 'Kim Jong Un')).toBeGreaterThanOrEqual(4.5);
        const point = await pointOfText(page, 'Vladimir Putin', 0, false);
        await page.mouse.move(point.x, point.y);
        await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
        expect(await drawnContrast(page, 'Vladimir Putin')).toBeGreaterThanOrEqual(4.5);
      });
    }
  });
}

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });
  test('on a light page, which does not follow the scheme, mentions are tinted as visibly as in a light scheme', async ({ page, server }) => {
    server.route('/tint', '<!doctype html><html lang="en"><body style="background:#fff;color:#333;font:bold 40px/1.5 sans-serif"><p>Kim Jong Un spoke.</p></body></html>');
    await page.goto(`${server.origin}/tint`);
    await expect.poll(() => paintedMentions(page)).toBe(1);
    // The tint against the page's white: the light scheme's is 1.16:1; the dark scheme's paler one was 1.09:1, and hard to see.
    const { background } = await drawnColours(page, 'Kim Jong Un');
    expect(1.05 / (background + 0.05)).toBeGreaterThan(1.12);
  });
});

test.describe('forced colours', () => {
  /**
   * How much of a band `gap` to `gap + 3` pixels above and below a name's box
   * differs from the page's background: what marks the name besides the
   * highlight itself (which forced colours draw in one system colour for every highlight).
   */
  async function markedAround(page: Page, name: string, gap = 1): Promise<number> {
    const box = await page.evaluate(textBoxInPage, { text: name });
    const bands = [
      { x: box!.x, y: box!.y - gap - 3, width: box!.width, height: 3 },
      { x: box!.x, y: box!.y + box!.height + gap, width: box!.width, height: 3 },
    ];
    let marked = 0;
    let all = 0;
    for (const clip of bands) {
      const png = await page.screenshot({ clip, type: 'png' });
      const counts = await page.evaluate(async (data) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        const background = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
        let differs = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          if (Math.abs(pixels[i]! - background[0]!) + Math.abs(pixels[i + 1]! - background[1]!) + Math.abs(pixels[i + 2]! - background[2]!) > 96) differs++;
        }
        return { differs, all: pixels.length / 4 };
      }, png.toString('base64'));
      marked += counts.differs;
      all += counts.all;
    }
    return marked / all;
  }

  test('the name whose card is open is told from the other names by more than colour, which forced colours make alike', async ({ page, server }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    server.route(
      '/forced',
      '<!doctype html><html lang="en"><body style="background:Canvas;font:bold 40px/2 sans-serif"><p>Vladimir Putin met Kim Jong Un.</p></body></html>',
    );
    await page.goto(`${server.origin}/forced`);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    expect(await markedAround(page, 'Kim Jong Un')).toBeLessThan(0.05);
    const point = await pointOfText(page, 'Vladimir Putin', 0, false);
    await page.mouse.move(point.x, point.y);
    await expect.poll(async () => (await shadowUiBox(page))?.width ?? 0).toBeGreaterThan(100);
    await expect.poll(() => markedAround(page, 'Vladimir Putin')).toBeGreaterThan(0.3);
    expect(await markedAround(page, 'Kim Jong Un')).toBeLessThan(0.05);
  });
});
