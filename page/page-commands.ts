import type { PageRequest } from '../core/messages/page-commands';
import { drawnParent } from './drawn-parent';
import type { PageMention } from './find-mentions';
import { entryBefore, frameStops, isStop, stopPlace, stopShown, withStops, type FrameStop, type WalkEntry } from './frame-stops';
import { anchorOf, type HoverCard } from './hover-card';
import type { CaretIndex } from './hit-test';
import { isOwnHost } from './own-hosts';
import type { PageAnnotator } from './page-annotator';
import type { NameAnswer, NameRequest } from './page-requests';
import { firstFrom, readerPlace, samePlace, type ReaderPlace } from './reader-place';
import { readerCanSee } from './reader-can-see';
import { nextMention, type NearScreen, type ViewPlace } from './reveal';
import { placeInScrollers, scrollIntoScrollers, type ViewBox } from './scroll-clip';
import { underStickyCover } from './sticky-cover';
import { modalOpen, topLayerAround } from './top-layer';
import { LEADING_MENTIONS, ViewportWindow } from './viewport-window';

/**
 * Answers what the popup and the keyboard command ask of this page's names:
 * reveal a mention (scroll it into view) and open its card.
 */
export function pageCommands(annotator: PageAnnotator, card: HoverCard, index: CaretIndex): (request: NameRequest) => Promise<NameAnswer> {
  let lastRevealed: PageMention | undefined;
  /** Where the reader was when the last name was revealed: focus goes back there when its card closes. */
  let placeThen: ReaderPlace | undefined;

  /**
   * Where the walk goes on from: the open card's name; else, where the reader went since the last
   * reveal (a link tabbed to, text clicked into), so "next" is the next after that place; else the
   * name last revealed. Focus given back as a card closed, to where it was or to the name's own
   * place, is no move of the reader's.
   */
  const walkedFrom = (): PageMention | ReaderPlace | undefined => {
    if (card.current) return card.current;
    const place = readerPlace(document, isOwnHost);
    if (!place || samePlace(place, placeThen) || (lastRevealed && !place.end && place.node.contains(lastRevealed.startNode))) return lastRevealed;
    return place;
  };

  /** The next name of the keyboard's walk, or the embedded frame whose names come first (the reader's order: where the frame stands). */
  const nextInWalk = (request: PageRequest<'page/next-mention'>): PageMention | FrameStop | undefined => {
    const isShown = shownTest();
    const from = request.fromStart ? undefined : walkedFrom();
    // Round to the top past the page's last name: its first, not the names in view, which the walk has just been through.
    const inViewFirst = request.fromStart && request.round ? undefined : placeOf;
    const near = inViewFirst ? nearScreen(annotator.shown) : undefined;
    if (!request.frames?.length) {
      const current = from && isPlace(from) ? mentionBefore(annotator.shown, from, index) : from;
      return nextMention(annotator.shown, current, isShown, inViewFirst, request.wrap ?? true, near);
    }
    const walk = withStops(annotator.shown, frameStops(request.frames), index);
    // A frame may stand anywhere on screen: its stop is always looked at.
    let k = 0;
    const walkNear = near && walk.map((entry) => (isStop(entry) ? 'near' : near(k++)));
    const current =
      request.after !== undefined
        ? walk.find((entry) => isStop(entry) && entry.frame === request.after)
        : from && isPlace(from)
          ? entryBefore(walk, from, index)
          : from;
    return nextMention<WalkEntry>(
      walk,
      current,
      (entry) => (isStop(entry) ? stopShown(entry) : isShown(entry)),
      inViewFirst && ((entry) => (isStop(entry) ? stopPlace(entry) : inViewFirst(entry))),
      request.wrap ?? true,
      walkNear && ((i) => walkNear[i]!),
    );
  };

  const reveal = async (request: NameRequest): Promise<NameAnswer> => {
    if (request.type === 'page/close-card') {
      card.putAway();
      return { revealed: false };
    }
    let mention: PageMention | undefined;
    if (request.type === 'page/reveal') {
      const isShown = shownTest();
      // Only a copy the reader can see: pages repeat names in collapsed menus and invisible strips, which have no box to scroll to or open a card beside.
      mention = nextMention(annotator.shown, card.current ?? lastRevealed, (m) => m.entityId === request.entityId && isShown(m));
    } else {
      const next = nextInWalk(request);
      // A frame's names come next: the background walks it, and comes back here after it.
      if (next && isStop(next)) return { revealed: false, enter: next.frame };
      mention = next;
    }
    if (!mention) return { revealed: false };
    lastRevealed = mention;
    // With focus in the open card, the reader is still where the walk started: the card gives focus back there.
    if (!isOwnHost(document.activeElement)) placeThen = readerPlace(document, isOwnHost);
    const element = drawnParent(mention.startNode);
    if (!inView(boxOf(mention))) {
      // The element first, so scrolling containers bring it in; then the page, by the name's own box:
      // a paragraph taller than the screen (a transcript, a <pre>) is centred, not the name in it.
      element?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const box = boxOf(mention);
      if (!inView(box)) window.scrollBy({ top: (box.top + box.bottom - innerHeight) / 2, behavior: 'instant' });
    } else if (element) scrollFromUnderCover(element, anchorOf(mention));
    // In view of the page, a panel of it with its own scroll bar (a live feed) may still hide the name: it scrolls as little as shows it.
    if (element) scrollIntoScrollers(element, () => anchorOf(mention));
    // In view of an embedded frame is not in view of the page, which may have the frame below the fold:
    // the pages around it scroll as little as brings the name into their view too.
    if (window !== window.top) mention.startNode.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
    annotator.updateViewport();
    // Focus goes to the card either way: a reader who chose the name from the keyboard must not have to tab through the page to reach it.
    // Answered once it has: the next press asks each frame where the reader is, and a frame's card still opening left the
    // focus on the page around it, which sent the walk back to that page's first names. Not for longer than a card can take.
    await settledWithin(card.open(mention, { focus: true, pinned: true }), CARD_OPEN_WAIT_MS);
    return { revealed: true };
  };

  return reveal;
}

/** The longest a reveal waits for its card to show: its facts come from the background, which may be starting. */
const CARD_OPEN_WAIT_MS = 2000;

function settledWithin(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([promise, new Promise<void>((done) => (timer = setTimeout(done, ms)))]).finally(() => clearTimeout(timer));
}

const isPlace = (from: PageMention | ReaderPlace): from is ReaderPlace => 'node' in from;

/** The mention before `place`, after which "next" is the first at or after it. */
function mentionBefore(shown: readonly PageMention[], place: ReaderPlace, index: CaretIndex): PageMention | undefined {
  const at = firstFrom(shown, place, index);
  return at > 0 ? shown[at - 1] : undefined;
}

/**
 * Where each of `shown` stands against the screen by its place in reading
 * order, found by a few measurements as the painter finds what to paint: the
 * walk measures only the names near the screen for being in view.
 */
function nearScreen(shown: readonly PageMention[]): (index: number) => NearScreen {
  const [from, to] = new ViewportWindow().find(shown);
  // The page's first names too, as the painter paints them: a sticky header's stay on screen however far the page scrolls.
  return (i) => ((i >= from && i < to) || i < Math.min(from, LEADING_MENTIONS) ? 'near' : i < from ? 'above' : 'below');
}

const inView = (box: { top: number; bottom: number }) => box.bottom > box.top && box.top >= 0 && box.bottom <= innerHeight;

/**
 * Whether the reader can see a mention: it has a box, nothing above it is
 * invisible, or transparent on screen (readerCanSee), and no open modal dialog has it behind its
 * backdrop (inert, and drawn under the dialog). Made once per command: whether
 * a modal is open is asked of the page's dialogs (modalOpen).
 */
function shownTest(): (mention: PageMention) => boolean {
  const modal = modalOpen();
  return (mention) => {
    const box = boxOf(mention);
    if (box.bottom <= box.top) return false;
    if (modal && topLayerAround(mention.startNode) === null) return false;
    const element = mention.startNode.parentElement;
    return !element || readerCanSee(element, box);
  };
}

/**
 * Where the reader sees a mention: wholly on screen with nothing drawn over its
 * middle (a sticky header, a cookie bar), partly or wholly below the bottom
 * edge, or neither (above, or covered).
 */
function placeOf(mention: PageMention): ViewPlace {
  const anchor = anchorOf(mention);
  if (anchor.y + anchor.height > innerHeight) return 'below';
  if (anchor.y < 0) return 'elsewhere';
  const element = mention.startNode.parentElement;
  // The mention's own tree answers for a shadow root's content, which the document sees as the host.
  const root = mention.startNode.getRootNode() as Document | ShadowRoot;
  const hit = typeof root.elementFromPoint === 'function' ? root.elementFromPoint(anchor.x + anchor.width / 2, anchor.y + anchor.height / 2) : null;
  // Our own card over the next name hides it only until the walk moves on to it.
  if (!element || !hit || isOwnHost(hit)) return 'in';
  if (hit === element || element.contains(hit) || hit.contains(element)) return 'in';
  // Hidden further down a panel with its own scroll bar: next as the reader reads on, as a name below the fold is.
  return placeInScrollers(element, anchor) === 'below' ? 'below' : 'elsewhere';
}

/**
 * On screen but under the page's sticky header (or a fixed bar) is out of
 * sight too: the card would point at the header. The page scrolls the name to
 * the middle of the screen, unless what covers it would cover it there as well
 * (a bar down the side, a sticky first column, a wall over the whole page),
 * where scrolling would only move the page for nothing.
 */
function scrollFromUnderCover(element: Element, anchor: ViewBox): void {
  if (!underStickyCover(element, anchor)) return;
  const middle = { ...anchor, y: (innerHeight - anchor.height) / 2 };
  if (underStickyCover(element, middle)) return;
  window.scrollBy({ top: anchor.y - middle.y, behavior: 'instant' });
}

function boxOf(mention: PageMention) {
  const anchor = anchorOf(mention);
  return { top: anchor.y, bottom: anchor.y + anchor.height };
}
