import { browser } from 'wxt/browser';
import { documentTimeOrigins } from './document-time-origin';

/** The page a tab shows now: its address, and when its top frame's document began where the page could be asked. */
export interface PageNow {
  url: string | undefined;
  since: number | undefined;
}

export type AskPageNow = (tabId: number) => Promise<PageNow | undefined>;

/** Undefined for a tab that is gone. */
export const pageNowIn: AskPageNow = async (tabId) => {
  const [tab, origins] = await Promise.all([browser.tabs.get(tabId).catch(() => undefined), documentTimeOrigins(tabId, [0])]);
  return tab ? { url: tab.url, since: origins?.get(0) } : undefined;
};
