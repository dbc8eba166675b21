import { shadowUiText } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test } from './fixtures';
import { stopServiceWorker, watchServiceWorker } from '../../tooling/service-worker';

test('a card whose facts were not fetched ahead gets them from the worker started again after it stopped', async ({ context, page, server, extensionId }) => {
  // A live page names someone new after the worker's idle stop: nothing of theirs was fetched while the page was read.
  server.route('/live', '<!doctype html><html lang="en"><body><main><p>Vladimir Putin arrived in the morning.</p></main></body></html>');
  await page.goto(`${server.origin}/live`);
  await expect.poll(() => paintedMentions(page)).toBe(1);
  let point = await pointOfText(page, 'Vladimir Putin');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toContain('expressed gratitude to North Korea');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);

  await stopServiceWorker(context, extensionId, page);
  const worker = await watchServiceWorker(page, extensionId);
  await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'John Kirby spoke later.' })));
  await expect.poll(() => paintedMentions(page)).toBe(2);
  point = await pointOfText(page, 'John Kirby');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toContain('expressed concern over the deepening Moscow-Pyongyang relationship');
  expect(worker.started()).toBe(true);
  await worker.stop();
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
