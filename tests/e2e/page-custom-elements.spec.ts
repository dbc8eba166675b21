/**
 * Pages whose own elements have the names of ours: they stay the page's, and
 * Backstory's card works beside them.
 */
import { shadowUiCardTitle, shadowUiText } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test } from './fixtures';

test('a page’s own <backstory-card> elements stay once the card is loaded, and the names in them are painted and open their cards', async ({
  page,
  server,
}) => {
  server.route(
    '/own-elements',
    `<!doctype html><html lang="en"><body style="font:20px sans-serif">
<p>Vladimir Putin arrived in the morning.</p>
<p style="margin-top:400px"><backstory-card id="own">Kim Jong Un</backstory-card> met him at the airport.</p>
</body></html>`,
  );
  await page.goto(`${server.origin}/own-elements`);
  await expect.poll(() => paintedMentions(page)).toBe(2);
  // The card script is loaded (in idle time after the scan): it takes away leftover cards as it starts.
  await expect.poll(() => shadowUiText(page)).not.toBeNull();
  const putin = await pointOfText(page, 'Vladimir Putin');
  await page.mouse.move(putin.x, putin.y);
  await expect.poll(() => shadowUiCardTitle(page)).toBe('Vladimir Putin');
  expect(await page.evaluate(() => document.getElementById('own')?.textContent)).toBe('Kim Jong Un');

  await page.mouse.move(5, 5);
  await expect.poll(() => shadowUiCardTitle(page)).toBeNull();
  const kim = await pointOfText(page, 'Kim Jong Un');
  await page.mouse.move(kim.x, kim.y);
  await expect.poll(() => shadowUiCardTitle(page)).toBe('Kim Jong Un');
  // What the page writes into its element is read again.
  await page.evaluate(() => (document.getElementById('own')!.textContent = 'John Kirby'));
  await page.mouse.move(5, 5);
  await expect.poll(() => shadowUiCardTitle(page)).toBeNull();
  const kirby = await pointOfText(page, 'John Kirby');
  await page.mouse.move(kirby.x, kirby.y);
  await expect.poll(() => shadowUiCardTitle(page)).toBe('John Kirby');
});

test('a page that defined backstory-card as its own custom element still gets a working card on hover', async ({ page, server, pageErrors }) => {
  server.route(
    '/defined-element',
    `<!doctype html><html lang="en"><head><script>
customElements.define('backstory-card', class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<b>the page’s own</b>';
  }
});
</script></head><body style="font:20px sans-serif">
<p>Vladimir Putin arrived in the morning.</p>
<backstory-card id="own"></backstory-card>
</body></html>`,
  );
  await page.goto(`${server.origin}/defined-element`);
  await expect.poll(() => paintedMentions(page)).toBe(1);
  const putin = await pointOfText(page, 'Vladimir Putin');
  await page.mouse.move(putin.x, putin.y);
  await expect.poll(() => shadowUiCardTitle(page)).toBe('Vladimir Putin');
  // The page's element is still its own, and there is one of it.
  expect(await page.evaluate(() => [...document.querySelectorAll('backstory-card')].map((el) => el.id))).toEqual(['own']);
  expect(pageErrors).toEqual([]);
});
