import { useLayoutEffect, useRef, type FocusEvent } from 'react';

/**
 * Calls `restore` once the element that had the focus leaves the page with it, the focus falling to <body>: the next
 * Tab started from the popup's top, and a screen reader said nothing of where the reader was. `track` is told of each
 * element taking the focus that is to be watched, `onBlur` goes on an element holding them all. Parts nested inside
 * others restore first: React runs their layout effects before their parents', and a parent finds the focus already
 * placed. Only while nothing else took the focus meanwhile.
 */
export function useFocusLoss(restore: () => void) {
  const focused = useRef<Element>(undefined);
  useLayoutEffect(() => {
    const gone = focused.current;
    if (!gone || gone.isConnected) return;
    focused.current = undefined;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    restore();
  });
  const track = (element: Element) => {
    focused.current = element;
  };
  const onBlur = (event: FocusEvent) => {
    const element = event.target;
    // Told once the update under way is done: Chrome tells of the focus leaving an element it is about to remove,
    // which must stay known as focused until then. Still on the page then, the reader moved the focus away themselves.
    queueMicrotask(() => {
      if (focused.current === element && element.isConnected) focused.current = undefined;
    });
  };
  return { track, onBlur };
}
