import type { Rect } from '@floating-ui/dom';

type OnScreen = Rect | 'viewport';

/** Each hundredth of the viewport coming into or out of the window: the page around a frame scrolled it that much. */
const STEPS = Array.from({ length: 101 }, (_, i) => i / 100);
/** How long a placing waits for a look: a frame the browser stopped rendering (scrolled far off) may give none soon. */
const LOOK_MS = 100;

/**
 * The part of this document's viewport the window shows, in its own
 * coordinates, measured by a probe (an element covering the viewport): where
 * a card fits. In the top frame, the whole viewport. An embedded frame taller
 * than what the page around it shows of it (scrolled partly out of the window,
 * or clipped by a box of the page's) may have a name near the window's edge
 * with room beside it in the frame, off screen: the card placed there went out
 * of sight. A frame sees neither the window nor the page around it; an
 * intersection observer does, cross-origin too. Watched while a card is open,
 * so that placing it as its name moves waits on nothing; a card opened (the
 * keyboard's walk from name to name, which scrolls the page) asks afresh.
 */
export class ViewportOnScreen {
  private observer: IntersectionObserver | undefined;
  private probe: Element | undefined;
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
    this.probe = probe;
    this.observer.observe(probe);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.probe = undefined;
    this.last = undefined;
    for (const settle of this.waiting.splice(0)) settle('viewport');
  }

  /**
   * Where the card fits: as last seen, or, `fresh`, after a new look (a frame's time). The observer tells only of the
   * share shown crossing a step, which a page scrolling a frame taller than the window does not change: only a new look
   * sees that. Past LOOK_MS without one, the last seen, or the frame's own viewport.
   */
  get(fresh = false): Promise<OnScreen> {
    const { observer, probe } = this;
    if (!observer || !probe) return Promise.resolve('viewport');
    if (this.last && !fresh) return Promise.resolve(this.last);
    if (fresh) {
      // Observed anew, a target is looked at once more, whatever its share.
      observer.unobserve(probe);
      observer.observe(probe);
    }
    return new Promise((settle) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((waiter) => waiter !== done);
        settle(this.last ?? 'viewport');
      }, LOOK_MS);
      const done = (onScreen: OnScreen) => {
        clearTimeout(timer);
        settle(onScreen);
      };
      this.waiting.push(done);
    });
  }
}
