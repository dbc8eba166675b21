import { useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { isMoveKey, moveInLayout } from './layout-moves';

/**
 * One Tab stop for a set of items, the arrow keys, Home and End moving between
 * them as they are drawn (a roving tabindex, as the WAI-ARIA toolbar pattern
 * has it). `ids`: the items' ids in reading order; each item carries its id in
 * the `attribute` given. The item the reader last focused keeps the Tab stop,
 * so Tab back in returns there; until then, or once it is gone, the first has it.
 * `ref` goes on the element that holds them, with the handlers.
 */
export function useRovingFocus<Holder extends HTMLElement = HTMLElement>(ids: readonly string[], attribute: string) {
  const [last, setLast] = useState<string>();
  const tabStop = last !== undefined && ids.includes(last) ? last : ids[0];
  const ref = useRef<Holder>(null);
  // The item that has the focus: the one to stand in for, should it go while it has it.
  const focused = useRef<HTMLElement>(undefined);
  const idOf = (target: EventTarget) => (target instanceof HTMLElement ? (target.getAttribute(attribute) ?? undefined) : undefined);
  const items = (within: HTMLElement) => [...within.querySelectorAll<HTMLElement>(`[${attribute}]`)].filter((item) => ids.includes(item.getAttribute(attribute)!));

  // An item removed with the focus on it (a page report dropped its name) left the focus on <body>: the next Tab
  // started from the popup's top, and a screen reader said nothing. The new Tab stop takes it, where the reader was.
  useLayoutEffect(() => {
    const gone = focused.current;
    if (!gone || gone.isConnected) return;
    focused.current = undefined;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const within = ref.current;
    if (within) items(within).find((item) => item.getAttribute(attribute) === tabStop)?.focus();
  });

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const id = idOf(event.target);
    if (id === undefined || !ids.includes(id)) return;
    setLast(id);
    focused.current = event.target;
  };

  const onBlur = (event: FocusEvent<HTMLElement>) => {
    const item = event.target;
    // Told once the update under way is done: Chrome tells of the focus leaving an item it is about to remove, which
    // must stay known as focused until then. Still on the page then, the reader moved the focus away themselves.
    queueMicrotask(() => {
      if (focused.current === item && item.isConnected) focused.current = undefined;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Alt+Left is the browser's Back, Ctrl+Home and the like are the reader's own.
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !isMoveKey(event.key)) return;
    const list = items(event.currentTarget);
    const from = list.indexOf(event.target as HTMLElement);
    if (from < 0) return;
    // Taken even at an edge: the popup scrolling under a reader who meant to move would lose their place.
    event.preventDefault();
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const to = moveInLayout(
      list.map((item) => item.getBoundingClientRect()),
      from,
      event.key,
      rtl,
    );
    if (to !== undefined) list[to]!.focus();
  };

  return { ref, tabStop, onFocus, onBlur, onKeyDown };
}
