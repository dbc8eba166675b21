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

test('the story comes back when its database was deleted while the worker ran (site data cleared)', async ({ context, page, server, extensionId }) => {
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);

  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/popup.html?tab=0`);
  // The worker holds the database open: it lets go for the deletion, as it must for "Clear site data".
  await extensionPage.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('backstory');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await extensionPage.close();

  const next = await context.newPage();
  await next.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(next)).toBeGreaterThan(5);
  const point = await pointOfText(next, 'North Korea');
  await next.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(next)).toContain('nuclear weapons and missile programs');
});
