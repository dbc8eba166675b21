import type { Rect } from '@floating-ui/dom';

type OnScreen = Rect | 'viewport';

/** Each hundredth of the viewport coming into or out of the window: the page around a frame scrolled it that much. */
const STEPS = Array.from({ length: 101 }, (_, i) => i / 100);

/**
 * The part of this document's viewport the window shows, in its own
 * coordinates, measured by a probe (an element covering the viewport): where
 * a card fits. In the top frame, the whole viewport. An embedded frame taller
 * than what the page around it shows of it (scrolled partly out of the window,
 * or clipped by a box of the page's) may have a name near the window's edge
 * with room beside it in the frame, off screen: the card placed there went out
 * of sight. A frame sees neither the window nor the page around it; an
 * intersection observer does, cross-origin too. Watched while a card is open,
 * so that placing it as its name moves waits on nothing after the first time.
 */
export class ViewportOnScreen {
  private observer: IntersectionObserver | undefined;
  private last: OnScreen | undefined;
  private waiting: ((onScreen: OnScreen) => void)[] = [];

  watch(probe: Element): void {
    this.stop();
    if (window === window.top || typeof IntersectionObserver !== 'function') return;
    this.observer = new IntersectionObserver(
      (entries) => {
        const box = entries.at(-1)?.intersectionRect;
        // None of it shows (the page scrolled the frame away): the frame's own viewport, as before.
        this.last = box && box.width > 0 && box.height > 0 ? { x: box.x, y: box.y, width: box.width, height: box.height } : 'viewport';
        for (const settle of this.waiting.splice(0)) settle(this.last);
      },
      { threshold: STEPS },
    );
    this.observer.observe(probe);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.last = undefined;
    for (const settle of this.waiting.splice(0)) settle('viewport');
  }

  /** Where the card fits now: at once once measured, else after the observer's first look (a frame's time). */
  get(): Promise<OnScreen> {
    if (!this.observer || this.last) return Promise.resolve(this.last ?? 'viewport');
    return new Promise((settle) => this.waiting.push(settle));
  }
}
