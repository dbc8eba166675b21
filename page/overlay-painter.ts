import { DrawnParts } from './drawn-part';
import { drawnParent } from './drawn-parent';
import type { PageMention } from './find-mentions';
import { ownHostName } from './own-host-name';
import { markOwnHost } from './own-hosts';
import type { Painter } from './painter';
import { ViewportWindow } from './viewport-window';

/** The element that hosts the overlay's closed shadow root, unless the page took the name (own-host-name.ts). */
export const OVERLAY_HOST = 'backstory-overlay';

const OVERLAY_CSS = `
:host { all: initial !important; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; overflow: hidden; contain: strict; }
.mark { position: absolute; border-bottom: 2px dotted rgba(160, 110, 0, 0.9); background: rgba(255, 200, 40, 0.22); border-radius: 2px; }
.mark.hovered { background: rgba(255, 186, 0, 0.45); }
@media (prefers-color-scheme: dark) {
  .mark { border-bottom-color: rgba(255, 214, 90, 0.9); background: rgba(255, 214, 90, 0.18); }
}
@media (forced-colors: active) { .mark { border-bottom-color: Highlight; background: transparent; } }
`;

/**
 * Where the CSS Custom Highlight API is missing, marks are drawn as boxes in a
 * layer of our own over the page, placed at each mention's client rects. The
 * page's own nodes are never split or wrapped, so its text and its frameworks'
 * view of the DOM stay exactly as they were.
 */
export class OverlayPainter implements Painter {
  private mentions: readonly PageMention[] = [];
  private readonly window: ViewportWindow;
  private readonly host: HTMLElement;
  private readonly layer: HTMLDivElement;
  private readonly pool: HTMLDivElement[] = [];
  private used = 0;
  private painted = 0;
  private hovered: PageMention | undefined;

  constructor(private readonly doc: Document = document) {
    this.window = new ViewportWindow(doc);
    this.host = doc.createElement(ownHostName(OVERLAY_HOST, doc));
    markOwnHost(this.host);
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    shadow.append(style, this.layer);
  }

  setMentions(mentions: readonly PageMention[]): void {
    this.mentions = mentions;
    this.update();
  }

  /** Boxes move with the text, so every frame of scrolling places them again. */
  update(): void {
    // Outside <body>: the page's body-level layout and selectors never see it. Added on first
    // use, since the content script may start before the document has an element to add it to.
    if (!this.host.isConnected) this.doc.documentElement?.append(this.host);
    const [start, end] = this.window.find(this.mentions);
    this.used = 0;
    // Read anew each time: what clips or hides a name changes as the page scrolls and changes.
    const parts = new DrawnParts();
    for (let i = start; i < end; i++) this.draw(this.mentions[i]!, parts);
    this.painted = end - start;
    for (let i = this.used; i < this.pool.length; i++) this.pool[i]!.hidden = true;
  }

  extend(mentions: readonly PageMention[]): void {
    this.mentions = mentions;
    if (this.window.mayReach()) this.update();
  }

  setHovered(mention: PageMention | undefined): void {
    this.hovered = mention;
    this.update();
  }

  addShadowRoot(): void {
    // The overlay draws over the page: shadow trees need nothing of their own.
  }

  get paintedCount(): number {
    return this.painted;
  }

  destroy(): void {
    this.host.remove();
  }

  /** Marks only what the reader sees of the name: not hidden text, nor what a box around it cuts off. */
  private draw(mention: PageMention, parts: DrawnParts): void {
    const text = mention.startNode;
    const element = drawnParent(text);
    if (!element) return;
    for (const rect of this.window.rects(mention)) {
      if (rect.width === 0 || rect.height === 0) continue;
      const part = parts.clip(element, rect);
      if (!part) continue;
      let box = this.pool[this.used];
      if (!box) {
        box = this.doc.createElement('div');
        this.layer.append(box);
        this.pool.push(box);
      }
      this.used++;
      box.hidden = false;
      box.className = mention === this.hovered ? 'mark hovered' : 'mark';
      box.style.cssText = `left:${part.left}px;top:${part.top}px;width:${part.right - part.left}px;height:${part.bottom - part.top}px`;
    }
  }
}
