import { whenLoaded } from './page-lifecycle';

/** After the first look, once the page has loaded: a component's script may come late, loaded on demand. */
const LOOK_AGAIN_AFTER_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000];

/**
 * Custom elements get their shadow root once their script defines them, and
 * no mutation record tells of that (a content script has no `customElements`
 * to ask, either). Undefined elements handed to `add` are looked at in idle
 * time once the page has loaded, then 1, 2, 4 … 32 s later while any is still
 * undefined; each that has a shadow root by then goes to `onUpgraded`, once.
 */
export class UpgradeWatch {
  private readonly waiting = new Set<Element>();
  private looking = false;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly onUpgraded: (host: Element, shadow: ShadowRoot) => void,
    /** How long a look may wait for idle time. */
    private readonly idleTimeout: number,
  ) {}

  add(elements: Iterable<Element>): void {
    if (this.stopped) return;
    for (const element of elements) this.waiting.add(element);
    if (this.waiting.size > 0 && !this.looking) this.lookLater();
  }

  stop(): void {
    this.stopped = true;
    this.waiting.clear();
  }

  private lookLater(): void {
    const view = this.doc.defaultView;
    if (!view) return;
    this.looking = true;
    let attempt = 0;
    const look = () => {
      if (this.stopped) return;
      for (const element of this.waiting) {
        const shadow = element.shadowRoot;
        if (shadow) {
          this.waiting.delete(element);
          this.onUpgraded(element, shadow);
          if (this.stopped) return;
        } else if (!element.isConnected || element.matches(':defined')) {
          // Defined without an open shadow root, or gone: if it comes back, that is a change of its own.
          this.waiting.delete(element);
        }
      }
      const delay = LOOK_AGAIN_AFTER_MS[attempt++];
      if (this.waiting.size === 0 || delay === undefined) {
        this.looking = false;
        return;
      }
      view.setTimeout(() => view.requestIdleCallback(look, { timeout: this.idleTimeout }), delay);
    };
    whenLoaded(this.doc, look, this.idleTimeout);
  }
}
