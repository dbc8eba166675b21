/**
 * Everything runs locally: the page's text, and what the reader does with the
 * card and the popup, never leave the browser.
 */
import { shadowUiText } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test } from './fixtures';
import { openPopupFor } from './popup-page';

test('reading a page, its cards and the popup ask nothing of any server but the page’s own requests', async ({ context, page, server, extensionId, serviceWorker }) => {
  const asked: string[] = [];
  context.on('request', (request) => asked.push(request.url()));
  // The worker's requests are seen too, or this test would miss the one place that could send the story's matches away.
  const worker = await serviceWorker();
  await worker.evaluate((url) => fetch(url).then(() => undefined), `${server.origin}/seen-from-the-worker`);
  await expect.poll(() => asked).toContain(`${server.origin}/seen-from-the-worker`);

  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  const point = await pointOfText(page, 'John Kirby');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toContain('expressed concern over the deepening Moscow-Pyongyang relationship');
  const { popup } = await openPopupFor(context, extensionId, page);
  await expect(popup.getByRole('button', { name: /^John Kirby/ })).toBeVisible();

  // The extension's own files, under the address Chromium gives each page for them (use_dynamic_url), are read from the browser.
  const elsewhere = asked.filter((url) => !url.startsWith('chrome-extension://'));
  // The demo page loads nothing but itself.
  expect(elsewhere).toEqual([`${server.origin}/seen-from-the-worker`, `${server.origin}/demo`]);
});
