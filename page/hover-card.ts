import type { CardApi } from './card-bridge';
import type { PageMention } from './find-mentions';

/** Hover intent: a mention must stay under the pointer this long before its card opens. */
export const OPEN_DELAY_MS = 200;
/** Grace period that lets the pointer travel from a mention into its card. */
export const CLOSE_GRACE_MS = 300;

/** Opens and closes the card for the hovered mention, with hover intent and a grace period. */
export class HoverCard {
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private shown: PageMention | undefined;

  constructor(
    private readonly api: CardApi,
    private readonly onShownChange: (mention: PageMention | undefined) => void = () => {},
  ) {}

  /** The pointer now rests on `mention`, or on no mention at all. */
  hover(mention: PageMention | undefined): void {
    clearTimeout(this.openTimer);
    if (mention) {
      clearTimeout(this.closeTimer);
      if (mention === this.shown) return;
      this.openTimer = setTimeout(() => this.open(mention), OPEN_DELAY_MS);
    } else if (this.shown) {
      this.scheduleClose();
    }
  }

  /** Opens the card at once; `focus` moves keyboard focus into it (and back on close). */
  open(mention: PageMention, options: { focus?: boolean } = {}): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.shown = mention;
    this.onShownChange(mention);
    this.api.show({
      entityId: mention.entityId,
      anchor: anchorOf(mention),
      focus: options.focus ?? false,
      onClose: () => this.closed(),
    });
  }

  close(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.api.hide();
    this.closed();
  }

  /** Keeps the card with its mention while the page scrolls; closes it once the mention left the viewport. */
  follow(): void {
    if (!this.shown) return;
    const anchor = anchorOf(this.shown);
    const gone = (anchor.width === 0 && anchor.height === 0) || anchor.y + anchor.height < 0 || anchor.y > innerHeight;
    if (gone) this.close();
    else this.api.move(anchor);
  }

  get current(): PageMention | undefined {
    return this.shown;
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      if (this.api.isEngaged()) return; // the card closes itself when the pointer leaves it
      this.close();
    }, CLOSE_GRACE_MS);
  }

  private closed(): void {
    this.shown = undefined;
    this.onShownChange(undefined);
  }
}

export function anchorOf(mention: PageMention) {
  const range = document.createRange();
  range.setStart(mention.startNode, mention.startOffset);
  range.setEnd(mention.endNode, mention.endOffset);
  const rects = range.getClientRects();
  const box = rects[0] ?? range.getBoundingClientRect();
  return { x: box.x, y: box.y, width: box.width, height: box.height };
}
