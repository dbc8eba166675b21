/**
 * Documents that are not HTML pages: XHTML is read as a page; a document of
 * other elements (an RSS feed, an SVG file) can host no card, so none of its
 * names is painted, which would open nothing when hovered.
 */
import { shadowUiBox, shadowUiStyle, shadowUiText } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test } from './fixtures';
import { annotatorIn, openPopupFor, storyScriptIn } from './popup-page';

const NAMES = 'Vladimir Putin met Kim Jong Un in Pyongyang. John Kirby said so.';

test('an XHTML page is read as a page: its names are painted, and hovering one opens its card', async ({ page, server }) => {
  server.route(
    '/page.xhtml',
    `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>x</title></head><body><p>${NAMES}</p></body></html>`,
    'application/xhtml+xml',
  );
  await page.goto(`${server.origin}/page.xhtml`);
  await expect.poll(() => paintedMentions(page)).toBe(4);
  const point = await pointOfText(page, 'Kim Jong Un');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toContain('Kim Jong Un');
});

test('a page whose script took its <body> away opens the card, on screen by its name', async ({ page, server }) => {
  server.route(
    '/no-body',
    `<!doctype html><html lang="en"><head></head><body></body><script>document.documentElement.removeChild(document.body);` +
      `const text = document.createElement('div'); text.textContent = ${JSON.stringify(NAMES)}; document.documentElement.appendChild(text);</script></html>`,
  );
  await page.goto(`${server.origin}/no-body`);
  expect(await page.evaluate(() => document.body)).toBeNull();
  await expect.poll(() => paintedMentions(page)).toBe(4);
  // Measured here: the helper walks the body.
  const point = await page.evaluate(() => {
    const text = document.querySelector('div')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf('Kim Jong Un'));
    range.setEnd(text, text.data.indexOf('Kim Jong Un') + 'Kim Jong Un'.length);
    const box = range.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toContain('Kim Jong Un');
  await expect.poll(() => shadowUiStyle(page, 'card-frame', 'opacity')).toBe('1');
  const box = (await shadowUiBox(page))!;
  expect(box.y).toBeGreaterThan(point.y);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
});

for (const [kind, path, type, body] of [
  ['an RSS feed', '/feed.xml', 'text/xml', `<?xml version="1.0"?><rss version="2.0"><channel><item><description>${NAMES}</description></item></channel></rss>`],
  ['an SVG file', '/chart.svg', 'image/svg+xml', `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="100"><text x="10" y="40">${NAMES}</text></svg>`],
] as const) {
  test(`${kind} paints no names it could open no card for, and is left as it came`, async ({ context, extensionId, page, server }) => {
    server.route(path, body, type);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.text().includes('[Backstory]')) errors.push(message.text());
    });
    await page.goto(`${server.origin}${path}`);
    const text = await page.evaluate(() => document.documentElement.textContent);
    // The script on every page has run: it marks the frame it read. Its look at the document comes in the next task,
    // and a name found would bring the annotator: time enough for both.
    const { popup, tabId } = await openPopupFor(context, extensionId, page);
    await expect.poll(() => storyScriptIn(popup, tabId)).toBe(true);
    await page.waitForTimeout(1500);
    expect(await annotatorIn(popup, tabId)).toBe(false);
    expect(await paintedMentions(page)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.textContent)).toBe(text);
    expect(errors).toEqual([]);
  });
}
