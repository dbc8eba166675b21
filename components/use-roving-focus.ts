import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { isMoveKey, moveInLayout } from './layout-moves';
import { useFocusLoss } from './use-focus-loss';

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
  const idOf = (target: EventTarget) => (target instanceof HTMLElement ? (target.getAttribute(attribute) ?? undefined) : undefined);
  const items = (within: HTMLElement) => [...within.querySelectorAll<HTMLElement>(`[${attribute}]`)].filter((item) => ids.includes(item.getAttribute(attribute)!));

  // An item removed with the focus on it (a page report dropped its name): the new Tab stop takes it, where the reader was.
  const { track, onBlur } = useFocusLoss(() => {
    const within = ref.current;
    if (within) items(within).find((item) => item.getAttribute(attribute) === tabStop)?.focus();
  });

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const id = idOf(event.target);
    if (id === undefined || !ids.includes(id)) return;
    setLast(id);
    track(event.target);
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
