import { shadowUiText } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test } from './fixtures';
import { stopServiceWorker } from '../../tooling/service-worker';

test('cards keep working after the service worker was stopped', async ({ context, page, server, extensionId }) => {
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  let point = await pointOfText(page, 'North Korea');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toContain('nuclear weapons and missile programs');

  await stopServiceWorker(context, extensionId);
  await page.keyboard.press('Escape');
  point = await pointOfText(page, 'John Kirby');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toContain('expressed concern over the deepening Moscow-Pyongyang relationship');

  // A page opened while the worker is stopped still gets its matcher from the database.
  await stopServiceWorker(context, extensionId);
  await page.reload();
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
});

test('the card shows facts as stored in the database, each with its verbatim quote', async ({ page, server }) => {
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  const point = await pointOfText(page, 'Pyongyang');
  await page.mouse.move(point.x, point.y);
  // The accusation and its denial appear together, each citing paragraph 4.
  await expect.poll(() => shadowUiText(page)).toContain('Moscow and Pyongyang deny');
  expect(await shadowUiText(page)).toMatch(/Accusations and denials/i);
});
