/**
 * Names in parts of the page its styles hide: the popup lists, and the badge
 * counts, only the names the reader can see, and a part the page shows later
 * without changing its text (a class toggled) joins them when it is shown.
 */
import { shadowUiText } from './closed-shadow';
import { expect, pointOfText, test } from './fixtures';
import { badgeText, listedCounts, openPopupFor } from './popup-page';

const PAGE = `<!doctype html><html lang="en"><head><style>
  .accordion:not(.open) .panel { visibility: hidden; height: 0; }
</style></head><body>
  <p>Vladimir Putin arrived in the capital.</p>
  <div id="newsletter" style="display: none"><form><label>Country <span>▼ United States</span></label></form></div>
  <section class="accordion">
    <button type="button" onclick="this.parentElement.classList.toggle('open')">Background</button>
    <div class="panel"><p>John Kirby said the talks were closely watched.</p></div>
  </section>
</body></html>`;

test('the popup lists and the badge counts the names the reader can see; a section opened by a class toggle joins them, hoverable', async ({
  context,
  extensionId,
  page,
  server,
}) => {
  server.route('/hidden-names', PAGE);
  await page.goto(`${server.origin}/hidden-names`);
  const { popup, tabId } = await openPopupFor(context, extensionId, page);
  await expect.poll(() => listedCounts(popup)).toEqual({ 'vladimir-putin': 1 });
  await expect.poll(() => badgeText(popup, tabId)).toBe('1');
  await expect(popup.getByText('1 name from this story')).toBeVisible();

  // The reader opens the section: a class on an ancestor, no text changed.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Background' }).click();
  await expect.poll(() => listedCounts(popup)).toEqual({ 'vladimir-putin': 1, 'john-kirby': 1 });
  await expect.poll(() => badgeText(popup, tabId)).toBe('2');
  // Painted all along, its name opens its card on hover as soon as it shows.
  const point = await pointOfText(page, 'John Kirby');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toContain('John Kirby');

  // Chosen in the popup, it is revealed: it is on the page to see.
  await page.mouse.move(1, 1);
  await popup.getByRole('button', { name: /^John Kirby, 1 mention$/ }).click();
  await expect.poll(() => shadowUiText(page)).toContain('John Kirby');
  await expect(popup.locator('.notice')).toBeEmpty();

  // Closed again, it no longer counts; the newsletter form's country never did.
  await page.bringToFront();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Background' }).click();
  await expect.poll(() => listedCounts(popup)).toEqual({ 'vladimir-putin': 1 });
  await expect.poll(() => badgeText(popup, tabId)).toBe('1');
});

test('a popup opened on a page whose styles changed unseen lists what the reader sees now', async ({ context, extensionId, page, server }) => {
  server.route('/restyled', '<!doctype html><html lang="en"><body><p>Vladimir Putin arrived.</p><aside><p>Kim Jong Un waited.</p></aside></body></html>');
  await page.goto(`${server.origin}/restyled`);
  const first = await openPopupFor(context, extensionId, page);
  await expect.poll(() => listedCounts(first.popup)).toEqual({ 'vladimir-putin': 1, 'kim-jong-un': 1 });
  await first.popup.close();
  // A stylesheet added later hides the aside: nothing on the page was hidden before, so nothing watched it.
  await page.addStyleTag({ content: 'aside { display: none }' });
  const { popup, tabId } = await openPopupFor(context, extensionId, page);
  await expect.poll(() => listedCounts(popup)).toEqual({ 'vladimir-putin': 1 });
  await expect.poll(() => badgeText(popup, tabId)).toBe('1');
});
