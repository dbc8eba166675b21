/**
 * The popup's first questions to the background, asked as its script starts
 * (entrypoints/popup/ask-early.ts), not from its components' effects: those
 * run only once React, the schemas and the popup's own code are evaluated and
 * its first frame is laid out, 120 ms here after the script began, while a
 * service worker stopped since the reader's last visit takes about 95 ms to
 * start and answer. Asked early, the two go on side by side.
 *
 * Each answer is taken once, by the hook that would have asked
 * (`takeEarly`); anything asked later is asked anew. The replies are raw:
 * the hooks validate them as they validate their own.
 */
import { browser } from 'wxt/browser';
import { findTargetTab, type TargetTab } from './target-tab';

const asked = new Map<string, Promise<unknown>>();

/** What each early question is kept under. */
export const earlyKey = {
  story: () => 'story/get',
  target: (search: string) => `target ${search}`,
  tabFound: (tabId: number) => `tab/get ${tabId}`,
};

function ask<T>(key: string, question: () => Promise<T>): Promise<T> {
  const answer = question();
  // Taken by a hook or never: a failure the hook does not see must not be reported as unhandled.
  answer.catch(() => undefined);
  asked.set(key, answer);
  return answer;
}

/** Asks for the story, the tab the popup opened for (by its address's `search`), and what that tab found. */
export function askEarly(search: string): void {
  ask(earlyKey.story(), () => browser.runtime.sendMessage({ type: 'story/get' }));
  ask<TargetTab | undefined>(earlyKey.target(search), () => findTargetTab(search)).then(
    (target) => {
      if (target) ask(earlyKey.tabFound(target.id), () => browser.runtime.sendMessage({ type: 'tab/get', tabId: target.id }));
    },
    () => undefined,
  );
}

/** The answer to the question kept under `key`, the first time it is asked for; undefined after, or if it was never asked. */
export function takeEarly<T>(key: string): Promise<T> | undefined {
  const answer = asked.get(key);
  asked.delete(key);
  return answer as Promise<T> | undefined;
}
