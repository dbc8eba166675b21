/**
 * A site cannot tell that Backstory is installed from what its root element's
 * styles read: the sheet the browser adds to every page holds only ::highlight
 * rules (page/highlight-styles.ts), and in Chrome nothing else shows the card
 * (extension/card-shown.ts). Firefox: tests/firefox/firefox.spec.ts.
 */
import { rootStylesInPage } from '../../tooling/root-styles';
import { cardPointsInPage } from '../../tooling/card-points';
import { shadowUiText } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test } from './fixtures';

const WEATHER = `<!doctype html><html lang="en"><head><style>:root { --page-own: 1 }</style></head>
  <body><main><h1>Weather</h1><p>Rain in the morning, sun by noon.</p></main></body></html>`;

test('a page without the story’s names, or with them before any card opened, reads nothing of Backstory’s on its root; the card shows and goes as before', async ({
  page,
  server,
}) => {
  server.route('/weather', WEATHER);
  await page.goto(`${server.origin}/weather`);
  // The page's own custom property is read: the probe sees custom properties at all.
  expect(await page.evaluate(rootStylesInPage)).toEqual({ customProperties: { '--page-own': '1' }, rulesNamingUs: [] });

  // Backstory was there all along: a name the page adds is painted, and the card script comes.
  await page.evaluate(() => {
    document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Officials in North Korea said nothing.' }));
  });
  await expect.poll(() => paintedMentions(page)).toBe(1);
  await expect.poll(() => shadowUiText(page)).toBe('');
  expect(await page.evaluate(rootStylesInPage)).toEqual({ customProperties: { '--page-own': '1' }, rulesNamingUs: [] });

  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  await expect.poll(() => shadowUiText(page)).toBe('');
  expect(await page.evaluate(rootStylesInPage)).toEqual({ customProperties: {}, rulesNamingUs: [] });
  const point = await pointOfText(page, 'John Kirby');
  await page.mouse.move(point.x, point.y);
  // A card of some 300 × 150 px or more, over the page, where the pointer would reach it.
  await expect.poll(() => page.evaluate(cardPointsInPage)).toBeGreaterThan(100);
  // In Chrome nothing on the root even with a card open.
  expect(await page.evaluate(rootStylesInPage)).toEqual({ customProperties: {}, rulesNamingUs: [] });
  await page.mouse.move(5, 790);
  await expect.poll(() => page.evaluate(cardPointsInPage)).toBe(0);
});

test('a page that sets the custom property the card once read on its root cannot hide the card', async ({ page, server }) => {
  await page.goto(`${server.origin}/demo`);
  await page.addStyleTag({ content: ':root { --backstory-card-visibility: hidden !important; }' });
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  const point = await pointOfText(page, 'John Kirby');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => page.evaluate(cardPointsInPage)).toBeGreaterThan(100);
});
