import { useCallback, useEffect, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ReplyData } from '../core/messages/protocol';
import { askFramesToLookAgain } from '../extension/look-again';
import { earlyKey, takeEarly } from '../extension/early-requests';
import { sendMessageRetrying } from '../extension/send-message';
import { tabFoundKey } from '../extension/tab-found-key';
import { LOADING, type Loadable } from './loadable';

export type TabFound = ReplyData<'tab/get'>;

/**
 * How long the popup waits for the background's first answer before it says it has none, with Try again: a
 * background held up (a tab's frames not answering it) left "Loading…" for as long. An answer coming later is shown.
 */
export const FOUND_WAIT_MS = 5000;

/** The error of that wait: told apart from a background that could not be reached, as it may be the page holding it. */
export const NO_ANSWER = 'no answer';

/**
 * What the tab's frames found, kept current while the popup is open: the background
 * writes every report to session storage, and the popup asks again when it changes
 * or when the tab moves to another page or finishes loading. Also returns a way
 * to ask again after it failed. As it opens, it has the tab's frames look again at which names the reader can see.
 */
export function useTabFound(tabId: number | undefined): [Loadable<TabFound>, () => void] {
  const [found, setFound] = useState<Loadable<TabFound>>(LOADING);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (tabId === undefined) return;
    if (attempt > 0) setFound(LOADING);
    let live = true;
    let latest = 0;
    let shown = 0;
    const load = (sent?: Promise<unknown>) => {
      const asked = ++latest;
      void sendMessageRetrying({ type: 'tab/get', tabId }, sent).then((reply) => {
        // A slower answer to an earlier question must not overwrite a newer one; it may come first, and is shown until then.
        if (!live || asked <= shown) return;
        shown = asked;
        setFound(reply.ok ? { status: 'ready', value: { url: reply.url, found: reply.found, loading: reply.loading } } : { status: 'error', error: reply.error });
      });
    };
    const onUpdated = (id: number, change: Browser.tabs.OnUpdatedInfo) => {
      if (id === tabId && (change.url !== undefined || change.status !== undefined)) load();
    };
    // Asked as the popup's script started (extension/early-requests.ts): shown first. It was answered before the watch
    // below began, so the tab is asked again now, and whatever it reports later comes with the watch.
    const waited = setTimeout(() => {
      if (live && shown === 0) setFound({ status: 'error', error: NO_ANSWER });
    }, FOUND_WAIT_MS);
    const early = takeEarly(earlyKey.tabFound(tabId));
    if (early) load(early);
    load();
    // What the frames reported may be out of date in one way no report tells: a part of the page shown or hidden by its styles.
    void askFramesToLookAgain(tabId);
    const unwatch = storage.watch(tabFoundKey(tabId), () => load());
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      clearTimeout(waited);
      unwatch();
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, attempt]);
  return [found, useCallback(() => setAttempt((n) => n + 1), [])];
}
