import { useCallback, useLayoutEffect, useRef, type MouseEvent } from 'react';

/**
 * Keeps the reader's focus in the popup when a button that did its work goes
 * ("Try again", "Reload the page", "Allow Backstory on this site": what they
 * asked for replaces them). Removed with the focus on it, the focus fell to
 * <body>: the next Tab started from the popup's top, and a screen reader said
 * nothing of where the reader was. It goes to the heading of the button's
 * part of the popup instead, which is read out, with what replaced the button
 * right after it. Only while nothing else took the focus meanwhile.
 * `onClickCapture` goes on the popup's root; the headings take the focus by
 * script (tabIndex -1).
 */
export function useFocusKept(): (event: MouseEvent) => void {
  const pressed = useRef<{ button: Element; heading: HTMLElement | null }>(undefined);
  useLayoutEffect(() => {
    const last = pressed.current;
    if (!last || last.button.isConnected) return;
    pressed.current = undefined;
    const active = document.activeElement;
    if ((!active || active === document.body) && last.heading?.isConnected) last.heading.focus();
  });
  return useCallback((event: MouseEvent) => {
    const button = (event.target as Element).closest('button.action');
    if (button) pressed.current = { button, heading: button.closest('section')?.querySelector<HTMLElement>('h2') ?? null };
  }, []);
}
