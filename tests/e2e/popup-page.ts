import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { browser } from 'wxt/browser';
import type { Entity } from '../../core/story/schema';
import { tabIdIn } from '../../tooling/extension-tabs';
import { paintedTexts } from '../../tooling/painted-texts';

export { tabIdIn };

const entities = JSON.parse(readFileSync(resolve('data/summit/entities.json'), 'utf8')) as Entity[];

/** The extension API as an extension page sees it (Chromium calls it `chrome`). */
type ExtensionApi = typeof browser;

/**
 * The popup opened as a page about `page`'s tab (`popup.html?tab=<id>`): a toolbar
 * popup cannot be opened from a test, and it closes as soon as it loses focus.
 */
export async function openPopupFor(context: BrowserContext, extensionId: string, page: Page) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await tabIdIn(popup, page.url());
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return { popup, tabId };
}

/** Sends a page-protocol message to `page`'s top frame, as the popup and the keyboard command do. */
export async function sendToPage(context: BrowserContext, extensionId: string, page: Page, message: object): Promise<unknown> {
  const sender = await context.newPage();
  try {
    await sender.goto(`chrome-extension://${extensionId}/popup.html?tab=0`);
    const tabId = await tabIdIn(sender, page.url());
    return await sender.evaluate(
      async ([tabId, message]) => {
        const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
        // As extension/send-to-tab.ts does: the card script answers page commands, so it goes in first
        // (it may not have arrived yet: pages load it in idle time after their scan). Imported as the
        // background imports it: the page's own request for it may be under way, and one module is evaluated once.
        const target = { tabId: tabId as number, frameIds: [0] };
        await chrome.scripting.executeScript({
          target,
          func: async (path: string) => {
            const world = globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } } & Record<symbol, unknown>;
            await import(world.chrome.runtime.getURL(path));
            await world[Symbol.for('backstory.card.start')];
          },
          args: ['/content-scripts/card.js'],
        });
        return chrome.tabs.sendMessage(tabId as number, message, { frameId: 0 });
      },
      [tabId, message] as const,
    );
  } finally {
    await sender.close();
    await page.bringToFront();
  }
}

/** Whether a content script marked `marker` (a Symbol.for key) runs in `tabId`'s top frame, asked from an extension page. */
function scriptIn(extensionPage: Page, tabId: number, marker: string): Promise<boolean> {
  return extensionPage.evaluate(
    async ([tabId, marker]) => {
      const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
      const [probe] = await chrome.scripting.executeScript({ target: { tabId }, func: (key: string) => Symbol.for(key) in globalThis, args: [marker] });
      return probe?.result === true;
    },
    [tabId, marker] as const,
  );
}

/** Whether the script on every page ran in `tabId`'s top frame. */
export const storyScriptIn = (extensionPage: Page, tabId: number) => scriptIn(extensionPage, tabId, 'backstory.story');

/** Whether the annotator is in `tabId`'s top frame. */
export const annotatorIn = (extensionPage: Page, tabId: number) => scriptIn(extensionPage, tabId, 'backstory.annotator');

/** Whether the card script is in `tabId`'s top frame: it comes in idle time after the scan, and asks for the page's facts. */
export const cardIn = (extensionPage: Page, tabId: number) => scriptIn(extensionPage, tabId, 'backstory.card-api');

/** The toolbar badge of a tab, read from an extension page. */
export function badgeText(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate((tabId) => {
    const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
    return chrome.action.getBadgeText({ tabId });
  }, tabId);
}

/** The toolbar button's title for the tab, which a screen reader reads out. */
export function buttonTitle(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate((tabId) => {
    const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
    return chrome.action.getTitle({ tabId });
  }, tabId);
}

/** The keys the background keeps in session storage. */
export function storedTabs(extensionPage: Page): Promise<string[]> {
  return extensionPage.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
    return Object.keys(await chrome.storage.session.get(null));
  });
}

/** Each entity the popup lists, with the count it shows. */
export function listedCounts(popup: Page): Promise<Record<string, number>> {
  return popup
    .locator('[data-entity-id]')
    .evaluateAll((items) =>
      Object.fromEntries(items.map((item) => [item.getAttribute('data-entity-id')!, Number(item.querySelector('.count')!.textContent)])),
    );
}

const entityOfAlias = new Map(
  entities.flatMap((entity) =>
    entity.aliases.filter((alias) => alias.rule !== 'never').map((alias) => [alias.text.toLowerCase(), entity] as const),
  ),
);

/** Mentions painted on the page, by entity id, told apart by the story's aliases. */
export async function paintedCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const text of await paintedTexts(page)) {
    const entity = entityOfAlias.get(text.replace(/\s+/g, ' ').toLowerCase());
    if (!entity) throw new Error(`"${text}" is painted but is no alias of the story`);
    counts[entity.id] = (counts[entity.id] ?? 0) + 1;
  }
  return counts;
}

export function categoryOf(entityId: string): string | undefined {
  return entities.find((entity) => entity.id === entityId)?.category;
}

/**
 * Makes the page tall enough on screen that every mention is painted: the page
 * paints only the mentions near the viewport, and these tests count all of them.
 */
export async function showWholePage(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.min(height + 100, 8000) });
}
