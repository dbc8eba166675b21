import type { BrowserContext, Page } from '@playwright/test';
import { OPEN_DELAY_MS } from '../page/hover-card';
import { stopServiceWorker, watchServiceWorker } from '../tooling/service-worker';

/** The name hovered on the demo article, and text its card shows once its facts are in. */
export const NAME = 'John Kirby';
const FACT = 'expressed concern';

/**
 * Runs in the content scripts' isolated world (chrome.dom opens our closed
 * shadow root there): notes when the pointer first moves, and the first frame
 * in which the card shows the name's facts.
 */
const WATCH_CARD = `(() => {
  const host = document.querySelector('backstory-card');
  const root = host && chrome.dom.openOrClosedShadowRoot(host);
  if (!root) return false;
  const state = (globalThis.__backstoryHoverProbe = { pointer: null, shown: null });
  addEventListener('pointermove', (event) => { state.pointer ??= event.timeStamp; }, { capture: true, passive: true });
  const check = () => {
    if (state.shown !== null) return;
    const frame = root.querySelector('.card-frame[data-placed="true"]');
    if (frame && frame.textContent.includes(${JSON.stringify(FACT)})) {
      state.shown = -1;
      requestAnimationFrame(() => (state.shown = performance.now()));
    }
  };
  new MutationObserver(check).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  return true;
})()`;

/** The middle of the first occurrence of the name, in the viewport, scrolled into view. */
const POINT_OF_NAME = `(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(${JSON.stringify(NAME)});
    if (at < 0) continue;
    node.parentElement.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + ${NAME.length});
    const box = range.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
  return null;
})()`;

async function isolatedWorld(page: Page, extensionId: string): Promise<{ evaluate: (expression: string) => Promise<unknown>; detach: () => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; name: string; auxData?: { isDefault?: boolean; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const ours = contexts.find((c) => c.auxData?.frameId === frameTree.frame.id && !c.auxData?.isDefault && c.origin.includes(extensionId));
  if (!ours) throw new Error('The content scripts’ world was not found');
  return {
    evaluate: async (expression) => (await cdp.send('Runtime.evaluate', { expression, contextId: ours.id, returnByValue: true })).result.value,
    detach: () => cdp.detach(),
  };
}

/**
 * One page load of `url`: the first hover on the name after the service worker was stopped. `ms` is null when no
 * card showed within 5 s: the caller counts that run as a miss (EndToEnd.firstHoverMeasuredRuns).
 */
export async function firstHoverAfterStop(
  context: BrowserContext,
  url: string,
  extensionId: string,
): Promise<{ ms: number | null; wokeWorker: boolean }> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    // The card script arrives in idle time after the scan and fetches the page's facts; give that time.
    await page.locator('backstory-card').waitFor({ state: 'attached', timeout: 10_000 });
    await page.waitForTimeout(1000);
    await stopServiceWorker(context, extensionId, page);
    const worker = await watchServiceWorker(page, extensionId);
    const world = await isolatedWorld(page, extensionId);
    try {
      await page.mouse.move(1, 1);
      if ((await world.evaluate(WATCH_CARD)) !== true) throw new Error('The card is not mounted');
      const point = (await page.evaluate(POINT_OF_NAME)) as { x: number; y: number } | null;
      if (!point) throw new Error(`${NAME} is not on the page`);
      await page.mouse.move(point.x, point.y);
      let state: { pointer: number | null; shown: number | null } = { pointer: null, shown: null };
      for (let waited = 0; waited < 5000 && !(state.shown !== null && state.shown > 0); waited += 50) {
        await page.waitForTimeout(50);
        state = (await world.evaluate('globalThis.__backstoryHoverProbe')) as typeof state;
      }
      const ms = state.pointer !== null && state.shown !== null && state.shown > 0 ? state.shown - state.pointer - OPEN_DELAY_MS : null;
      return { ms, wokeWorker: worker.started() };
    } finally {
      await world.detach();
      await worker.stop();
    }
  } finally {
    await page.close();
  }
}
