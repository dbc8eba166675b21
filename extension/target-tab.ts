import { browser } from 'wxt/browser';

export interface TargetTab {
  id: number;
  /** Where the tab is going when it has not had its page's first response yet (`pendingUrl`), else what it shows. */
  url: string;
  /** Opened as a page with `?tab=` (tests, a pinned tab) rather than as the toolbar popup. */
  openedAsPage: boolean;
  /** In a private window: the popup's choices there must leave no synced trace. */
  incognito: boolean;
}

/**
 * The tab the popup is about: `?tab=<id>` when given, else the active tab of the
 * popup's window. Undefined when there is none (a devtools window, a closed tab).
 */
export async function findTargetTab(search: string): Promise<TargetTab | undefined> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) {
    const id = Number(param);
    if (!Number.isInteger(id) || id < 0) return undefined;
    const tab = await browser.tabs.get(id).catch(() => undefined);
    return tab ? { id, url: tab.pendingUrl ?? tab.url ?? '', openedAsPage: true, incognito: tab.incognito } : undefined;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.pendingUrl ?? tab.url ?? '', openedAsPage: false, incognito: tab.incognito };
}
