/**
 * Backstory's scripts tell the page's own scripts nothing through the DOM, and
 * take no word from them: events dispatched on the document or the window reach
 * the page's world, and a page can dispatch any it likes. WXT's content-script
 * context announced each start with an event named after the extension's id and
 * the script, and stopped the script when another dispatched it
 * (extension/script-context.ts).
 */
import type { Page } from '@playwright/test';
import { shadowUiText } from './closed-shadow';
import { expect, paintedMentions, pointOfText, test } from './fixtures';

/** Any event of ours the page's world could hear, at the window and the document, first in the capture phase. */
function recordOurEvents(): void {
  const heard: string[] = [];
  (window as unknown as { heardEvents: string[] }).heardEvents = heard;
  const ours = /:wxt:|content-script-started|locationchange/;
  const listen = (target: EventTarget) => (type: string) => target.addEventListener(type, () => void heard.push(type), { capture: true });
  // An event's type is any string: the page hooks dispatch itself to hear them all, as a listener must name its type.
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    if (ours.test(event.type)) heard.push(event.type);
    return dispatch.call(this, event);
  };
  // Content scripts dispatch from their own world, past the page's hook: listened for by name, for every script's.
  for (const script of ['annotator', 'card', 'overlay', 'story']) {
    for (const suffix of ['wxt:content-script-started', 'wxt:locationchange']) {
      const type = `${(window as unknown as { extensionId: string }).extensionId}:${script}:${suffix}`;
      [window, document].forEach((target) => listen(target)(type));
    }
  }
  window.addEventListener('message', (event) => {
    const type = (event.data as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && ours.test(type)) heard.push(`message ${type}`);
  });
}

async function openCard(page: Page, name: string): Promise<string> {
  const point = await pointOfText(page, name);
  await page.mouse.move(0, 0);
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page), { timeout: 10_000 }).toContain(name);
  return (await shadowUiText(page)) ?? '';
}

test('a page listening for events on its document and window hears nothing of the annotator’s or the card’s start, nor of a move within the page', async ({
  page,
  server,
  extensionId,
}) => {
  await page.addInitScript(`window.extensionId = ${JSON.stringify(extensionId)}; (${recordOurEvents.toString()})();`);
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  // The card script is in: the card's host is in the page.
  await expect.poll(() => shadowUiText(page)).toBe('');
  await openCard(page, 'John Kirby');
  // The page moves to another address of its own: the annotator reads it anew.
  await page.evaluate(() => history.pushState(null, '', '?section=2'));
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as unknown as { heardEvents: string[] }).heardEvents)).toEqual([]);
});

test('a page that dispatches the events WXT’s scripts stop at, named for the annotator and the card, keeps its highlights and its card', async ({
  page,
  server,
  extensionId,
}) => {
  await page.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  await expect.poll(() => shadowUiText(page)).toBe('');
  const painted = await paintedMentions(page);
  await page.evaluate((id) => {
    for (const script of ['annotator', 'card']) {
      const detail = { contentScriptName: script, messageId: 'forged' };
      for (const target of [document, window]) target.dispatchEvent(new CustomEvent(`${id}:${script}:wxt:content-script-started`, { detail }));
      window.postMessage({ type: `${id}:${script}:wxt:content-script-started`, contentScriptName: script, messageId: 'forged' }, '*');
    }
  }, extensionId);
  await page.waitForTimeout(1000);
  // The reader goes on reading: the pointer moves, and the page scrolls.
  expect(await openCard(page, 'Vladimir Putin')).toContain('Vladimir Putin');
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(500);
  expect(await paintedMentions(page)).toBe(painted);
  expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
});
