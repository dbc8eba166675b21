import { shadowUiText } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test } from './fixtures';
import { stopServiceWorker, watchServiceWorker } from '../../tooling/service-worker';

test('on a page with mentions the card and its facts arrive before any hover: the first hover after the worker stopped needs no worker', async ({
  context,
  page,
  server,
  extensionId,
}) => {
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  // The card script comes in idle time after the scan: its host is in the page, empty, before any hover.
  await expect.poll(() => shadowUiText(page)).toBe('');
  // Meanwhile it fetches the facts of every entity on the page; give that a moment to land.
  await page.waitForTimeout(1000);

  await stopServiceWorker(context, extensionId, page);
  const worker = await watchServiceWorker(page, extensionId);
  const point = await pointOfText(page, 'John Kirby');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toContain('expressed concern over the deepening Moscow-Pyongyang relationship');
  expect(worker.started()).toBe(false);

  // The watch does see the worker start: new mentions are reported to it.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Vladimir Putin and Kim Jong Un met again.';
    document.querySelector('article, main, body')!.prepend(p);
  });
  await expect.poll(() => worker.started()).toBe(true);
  await worker.stop();
});

test('a page without mentions gets no card script until a mention appears', async ({ page, server }) => {
  server.route(
    '/no-mentions',
    '<!doctype html><html lang="en"><title>Weather</title><body><main><h1>Weather</h1><p>Rain in the morning, sun by noon.</p></main></body></html>',
  );
  await page.goto(`${server.origin}/no-mentions`);
  // Longer than the card script waits for idle time once a page has mentions.
  await page.waitForTimeout(2500);
  expect(await shadowUiText(page)).toBeNull();

  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Officials in North Korea said nothing.';
    document.querySelector('main')!.append(p);
  });
  await expect.poll(() => paintedMentions(page)).toBe(1);
  await expect.poll(() => shadowUiText(page)).toBe('');
});

test('the annotator and the card script are imported as modules, which Chromium compiles off the page’s main thread; the page cannot fetch them', async ({
  context,
  page,
  server,
  extensionId,
}) => {
  const cdp = await context.newCDPSession(page);
  const parsed: { url: string; isModule: boolean }[] = [];
  cdp.on('Debugger.scriptParsed', ({ url, isModule }) => {
    if (url.startsWith(`chrome-extension://${extensionId}/`)) parsed.push({ url: url.replace(/^[^/]*\/\/[^/]*/, ''), isModule: isModule ?? false });
  });
  await cdp.send('Debugger.enable');
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => shadowUiText(page)).toBe('');
  // The worker, starting as the extension is installed, also puts the script on every page into the tabs open by
  // then (this one too, on a slow host): that copy finds the frame claimed and stops.
  const storyCopies = parsed.filter((script) => script.url === '/story.js');
  expect(storyCopies.every((copy) => !copy.isModule)).toBe(true);
  expect(parsed.filter((script, i) => script.url !== '/story.js' || parsed.indexOf(storyCopies[0]!) === i)).toEqual([
    { url: '/story.js', isModule: false },
    { url: '/content-scripts/annotator.js', isModule: true },
    { url: '/content-scripts/card.js', isModule: true },
  ]);
  // Offered to pages only at an address made anew each session, so a site cannot probe for Backstory with it.
  for (const script of ['annotator', 'card']) {
    const url = `chrome-extension://${extensionId}/content-scripts/${script}.js`;
    expect(await page.evaluate((address) => fetch(address).then(() => 'fetched', () => 'refused'), url)).toBe('refused');
  }
});
