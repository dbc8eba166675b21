import { startTransition, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { CARD_NEEDS_SHEET, CARD_SHOWN_CLASS } from '../extension/card-shown';
import type { CardApi } from '../page/card-bridge';
import { CardApp } from './CardApp';

/**
 * Renders the card app into `container`. `ready` resolves with its API (as
 * `adopt` makes it) once mounted, and rejects if its render throws before then:
 * the card script's start fails rather than never settling, which the
 * background waits on with the tab's queue (the popup's and the shortcut's
 * cards waited on it until the worker stopped). A throw after is `failedLater`'s.
 * `App` is the card app; another only in tests. In Firefox, what it renders
 * shows only while Backstory's sheet that shows it is in the page
 * (extension/card-shown.ts).
 */
export function mountCardApp(
  container: Element,
  adopt: (api: CardApi) => CardApi,
  failedLater: (error: unknown) => void,
  App: ComponentType<{ onReady: (api: CardApi) => void }> = CardApp,
): { root: Root; ready: Promise<CardApi> } {
  let api: CardApi | undefined;
  let root: Root | undefined;
  if (CARD_NEEDS_SHEET) container.classList.add(CARD_SHOWN_CLASS);
  const ready = new Promise<CardApi>((resolve, reject) => {
    const made = createRoot(container, { onUncaughtError: (error) => (api ? failedLater(error) : reject(error)) });
    root = made;
    // As a transition, React renders it a few milliseconds at a time: its first render, in code the page has not run
    // yet, held the page for one task of some 7-13 ms (the demo article, the benchmark's trace).
    startTransition(() =>
      made.render(
        <App
          onReady={(next) => {
            api = adopt(next);
            resolve(api);
          }}
        />,
      ),
    );
  });
  return { root: root!, ready };
}
