import type { Page, Worker } from '@playwright/test';

/**
 * The Alt+Shift+B command as the browser delivers it to the background (headless Chromium has no window's keys to
 * press); `times` presses at once, as keys held down deliver them.
 */
export function pressShortcut(worker: Worker, page: Page, times = 1) {
  return worker.evaluate(
    async ({ url, times }) => {
      const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser & { commands: { onCommand: { dispatch(...args: unknown[]): void } } } };
      const [tab] = await chrome.tabs.query({ url });
      for (let i = 0; i < times; i++) chrome.commands.onCommand.dispatch('next-mention', tab);
    },
    { url: page.url(), times },
  );
}

/**
 * How many frames have reported their names to the background, which walks only those; with `since`, only frames whose
 * documents began then or later (the reports carry when their document began on the wall clock, read in whole
 * milliseconds: the slack of background/tab-found.ts's CLOCK_SLACK_MS).
 */
export function framesReported(worker: Worker, since = 0) {
  return worker.evaluate(async (since) => {
    const stored = await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.session.get(null);
    return Object.entries(stored).flatMap(([key, frames]) =>
      key.startsWith('tabFound:') ? Object.values(frames as Record<string, { since?: number }>).filter((frame) => (frame.since ?? 0) >= since - 2) : [],
    ).length;
  }, since);
}
