/**
 * A page with more names than are painted at once (page/highlighter.ts's PAINT_ALL_MAX): the highlights are
 * registered around what is on screen, and follow the reader's scroll, of the page or of an element.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PARAGRAPH = '<p>Officials in Moscow and Washington discussed North Korea’s weapons at length today.</p>';

/** Of the story's names on screen now (in the viewport and in `within`'s box, when given), how many are painted. */
function namesOnScreen(page: Page, within?: string) {
  return page.evaluate((within) => {
    const box = within ? document.querySelector(within)!.getBoundingClientRect() : new DOMRect(0, 0, innerWidth, innerHeight);
    const onScreen = (painted: AbstractRange) => {
      // Painted as static ranges, which have no box of their own.
      const range = document.createRange();
      range.setStart(painted.startContainer, painted.startOffset);
      range.setEnd(painted.endContainer, painted.endOffset);
      const rect = range.getBoundingClientRect();
      return rect.height > 0 && rect.bottom > Math.max(box.top, 0) && rect.top < Math.min(box.bottom, innerHeight);
    };
    const painted = [...(CSS.highlights.get('backstory-mention') ?? [])].filter(onScreen).length;
    const paragraphs = [...document.querySelectorAll('p')].filter((p) => {
      const rect = p.getBoundingClientRect();
      return rect.top >= Math.max(box.top, 0) && rect.bottom <= Math.min(box.bottom, innerHeight);
    });
    return { painted, whole: paragraphs.length * 3 };
  }, within);
}

test('a page of 6,000 names has those on screen painted wherever the wheel scrolls it', async ({ page, server }) => {
  server.route('/long', `<!doctype html><html lang="en"><body style="font:16px/24px sans-serif"><main>${PARAGRAPH.repeat(2000)}</main></body></html>`);
  await page.goto(`${server.origin}/long`);
  await expect.poll(async () => (await namesOnScreen(page)).painted).toBeGreaterThan(0);
  const end = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  await page.mouse.move(200, 200);
  for (const share of [0.5, 1]) {
    await page.mouse.wheel(0, end * share - (await page.evaluate(() => scrollY)));
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThanOrEqual(end * share - 1);
    // Every name wholly on screen painted: none of them is left for the next scroll to bring.
    await expect.poll(async () => {
      const { painted, whole } = await namesOnScreen(page);
      return painted >= whole && whole > 0;
    }).toBe(true);
  }
});

test('a scrolled box of the page has the names it brings into view painted, the page itself not scrolled', async ({ page, server }) => {
  server.route(
    '/box',
    `<!doctype html><html lang="en"><body style="font:16px/24px sans-serif"><div id="box" style="height:400px;overflow:auto">${PARAGRAPH.repeat(2000)}</div></body></html>`,
  );
  await page.goto(`${server.origin}/box`);
  await expect.poll(async () => (await namesOnScreen(page, '#box')).painted).toBeGreaterThan(0);
  await page.evaluate(() => {
    const box = document.querySelector('#box')!;
    box.scrollTop = box.scrollHeight;
  });
  await expect.poll(async () => {
    const { painted, whole } = await namesOnScreen(page, '#box');
    return painted >= whole && whole > 0;
  }).toBe(true);
  expect(await page.evaluate(() => scrollY)).toBe(0);
});
