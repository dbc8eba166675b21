import { i18n } from '#i18n';
import { computePosition, flip, offset, platform, shift, size, type Placement, type Platform } from '@floating-ui/dom';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { EntityCard } from '../core/messages/protocol';
import type { AnchorBox, CardRequest } from '../page/card-bridge';
import { fromTouch } from '../page/reader-pointer';
import { EntityCardView } from './EntityCardView';
import { placeAt, undoPageZoom } from './fixed-place';
import { NameRing } from './NameRing';
import { showOpened } from './show-opened';
import { ViewportOnScreen } from './viewport-on-screen';

/** A card the reader went on from by "Related": the way back to it. */
export interface TrailStep {
  entityId: string;
  name: string;
}

/**
 * `opened` numbers each card opened, so a card shown is told from one opened before it. `trail`: the cards the reader
 * came through by "Related" to this one, all standing by the name first hovered, the last of them the one to go back to.
 * `returnTo`: the related name the reader came back from to this card, whose button takes the focus the card is given.
 */
export type CardState =
  | { request: CardRequest; opened: number; card?: EntityCard; error?: string; trail?: readonly TrailStep[]; returnTo?: string }
  | undefined;

interface Props {
  state: CardState;
  onOpenEntity: (entityId: string) => void;
  /** Back to the card the reader opened this one from, by "Related". */
  onBack: () => void;
  onPointerInside: (inside: boolean) => void;
  onFocusInside: (inside: boolean) => void;
  /** Tab past the card's last control (`forward`), or Shift+Tab before its first: the card closes and focus goes back to the page. */
  onTabOut: (forward: boolean) => void;
  /** The card opened `opened`-th shows its facts or its error, with the focus in it if it asked for it. */
  onShown: (opened: number) => void;
  /** Asks again for a card that could not be had. */
  onRetry: () => void;
}

/** The floating card: placed beside its mention, flipped and shifted to stay in the viewport. */
export function CardHost({ state, onOpenEntity, onBack, onPointerInside, onFocusInside, onTabOut, onShown, onRetry }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLDivElement>(null);
  const onScreen = useRef<ViewportOnScreen>(undefined);
  const openedFor = useRef<number>(undefined);
  const titleId = useId();
  const anchor = state?.request.anchor;
  const entityId = state?.request.entityId;
  // A new entity fades in once placed; the same card only moves with its mention.
  const [placedFor, setPlacedFor] = useState<string>();
  // Closed, the card is placed for no one: opened again for the same entity, it showed in the viewport's corner before placing.
  if (state === undefined && placedFor !== undefined) setPlacedFor(undefined);
  const placed = placedFor !== undefined && placedFor === entityId;
  // What the reader unfolds in the card ("About the story", a quote) changes its height: it is placed again, on the
  // side of its name it stands on. Placed by its top edge only, a card above its name grew down over the name.
  const [resized, setResized] = useState(0);
  const placedResize = useRef(0);
  const side = useRef<Placement>('bottom-start');
  const placedHeight = useRef(0);
  // The side each placing of the open card starts from: below its name for one the page opened, or the side the card
  // before stood on for one opened in its place by the same name ("Related", "Back", Try again). From scratch, the
  // related card of one above its name opened below it, away from the pointer that clicked, with "Back" a screen away.
  const startSide = useRef<Placement>('bottom-start');
  const placedAnchor = useRef<AnchorBox>(undefined);

  // Another entity's card starts at its top: a reader who scrolled down to "Related" would land mid-card.
  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
  }, [entityId]);

  // What of the viewport the window shows, watched while a card is open; declared before the placing below, whose
  // first placing waits on it.
  const open = state !== undefined;
  useLayoutEffect(() => {
    if (!open || !probe.current) return;
    const watcher = (onScreen.current ??= new ViewportOnScreen());
    watcher.watch(probe.current);
    return () => watcher.stop();
  }, [open]);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !anchor) return;
    undoPageZoom(element);
    let cancelled = false;
    const resizing = resized !== placedResize.current;
    placedResize.current = resized;
    // Until placed, a change of height is the new content's, not the reader's unfolding.
    if (!resizing) placedHeight.current = 0;
    // A card opened anew looks afresh: the page may have scrolled its frame since (the keyboard's walk scrolls it).
    const fresh = openedFor.current !== state?.opened;
    openedFor.current = state?.opened;
    // The page gives each card it opens a box of its own: a card opened from the card by "Related" keeps its name's.
    const moved = anchor !== placedAnchor.current;
    placedAnchor.current = anchor;
    if (fresh) startSide.current = moved ? 'bottom-start' : side.current;
    // The same card following its name as the page scrolls keeps its side until it no longer fits there: placed anew,
    // a card above its name jumped below it as soon as it fitted there, out from under the pointer reading it.
    const placement = resizing || (moved && !fresh) ? side.current : startSide.current;
    void (onScreen.current?.get(fresh) ?? Promise.resolve('viewport' as const))
      .then((rootBoundary) =>
        computePosition(virtualElement(anchor), element, {
          platform: viewportPlatform,
          strategy: 'fixed',
          placement,
          middleware: [
            offset(8),
            flip({ padding: 8, rootBoundary }),
            size({
              padding: 8,
              rootBoundary,
              apply({ availableHeight }) {
                // At least a few lines of facts, but never taller than the viewport: a short one (400% zoom) gets a card
                // that fits, moved over its name by the shift below rather than cut off past the screen's edge.
                const least = Math.min(MIN_CARD_HEIGHT, innerHeight - 16);
                element.style.maxHeight = `${Math.max(least, availableHeight)}px`;
              },
            }),
            shift({ padding: 8, crossAxis: true, rootBoundary }),
          ],
        }),
      )
      .catch(() => {
        // Floating UI measures the page by its <body>: a document without one (its script took it away, an XHTML
        // page of bare divs) fails it. The card then opens below its name, kept on screen, unflipped.
        const width = element.offsetWidth;
        const x = Math.max(8, Math.min(anchor.x, innerWidth - width - 8));
        return { x, y: (anchor.nameBottom ?? anchor.y + anchor.height) + 8, placement: 'bottom-start' as const };
      })
      .then(({ x, y, placement }) => {
        if (cancelled) return;
        placeAt(element, x, y);
        side.current = placement;
        placedHeight.current = element.offsetHeight;
        setPlacedFor(entityId);
      });
    return () => {
      cancelled = true;
    };
    // The card's content changes its size, so a loaded card is placed again.
  }, [anchor, entityId, state?.opened, state?.card, state?.error, resized]);

  // Only a card with more than it shows keeps the wheel to itself at its ends: one that fits has nothing to scroll, and
  // the wheel over it, or over a card that came under a resting pointer as the page scrolled, goes on scrolling the page.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      markOverflow(element);
      if (placedHeight.current > 0 && Math.abs(element.offsetHeight - placedHeight.current) >= 1) setResized((n) => n + 1);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [open]);
  // Facts that came fill a card its size limit keeps as it was: nothing resized, but it may have more than it shows now.
  useLayoutEffect(() => {
    if (ref.current) markOverflow(ref.current);
  }, [state?.card, placed]);

  // Whether the focus is in the card: the control that had it, removed with the facts it was among, leaves no blur behind.
  const holdsFocus = useRef(false);
  useEffect(() => {
    if (state) return;
    holdsFocus.current = false;
    onPointerInside(false);
    onFocusInside(false);
  }, [state, onPointerInside, onFocusInside]);

  // A card opened from the keyboard takes focus, so Tab walks its links and buttons. Once for each card opened:
  // moved with its name as the page scrolls, or its facts fetched again, it leaves the focus where the reader put it.
  // A card that could not load takes it too: the reader who asked for it hears why (its status names the dialog), and
  // Escape or Tab gives the focus back to the name. Facts that came after an error for the same open (a second fetch of
  // it) show without taking the focus late.
  const wantsFocus = state?.request.focus === true;
  const opened = state?.opened;
  const settled = state?.card !== undefined || state?.error !== undefined;
  const returnTo = state?.returnTo;
  const shownOpen = useRef<number>(undefined);
  // Before the browser paints: a control that had the focus goes with the facts another card replaces, and the focus
  // would rest on the page's <body> for a frame, which a screen reader announces as the page.
  useLayoutEffect(() => {
    if (opened === undefined || shownOpen.current === opened) return;
    const card = ref.current;
    if (!settled) {
      // The next card is loading: the card itself holds the focus until its facts come.
      if (wantsFocus && card && holdsFocus.current && !card.contains((card.getRootNode() as Document | ShadowRoot).activeElement)) {
        card.focus({ preventScroll: true });
      }
      return;
    }
    shownOpen.current = opened;
    if (wantsFocus && card) focusWithin(card, returnTo);
    onShown(opened);
  }, [opened, settled, wantsFocus, returnTo, onShown]);

  if (!state) return null;
  const back = state.trail?.at(-1);
  return (
    <>
      <NameRing anchor={state.request.anchor} />
      <div ref={probe} className="viewport-probe" aria-hidden="true" />
      <div
        ref={ref}
        className="card-frame"
        role="dialog"
        aria-modal="false"
        tabIndex={-1}
        aria-labelledby={titleId}
        data-placed={placed}
        onScroll={(event) => markOverflow(event.currentTarget)}
        onPointerEnter={() => onPointerInside(true)}
        onPointerLeave={() => onPointerInside(false)}
        // Where the page stops the pointer's `pointerover` and `pointerout` at the window before us, the mouse's come through.
        onMouseEnter={(event) => fromTouch(event.nativeEvent) || onPointerInside(true)}
        onMouseLeave={(event) => fromTouch(event.nativeEvent) || onPointerInside(false)}
        onFocus={() => {
          holdsFocus.current = true;
          onFocusInside(true);
        }}
        onBlur={(event) => {
          if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
          holdsFocus.current = false;
          onFocusInside(false);
        }}
        onKeyDown={(event) => {
          // The card's host stands at the end of the document: Tab out of it would leave the page, Shift+Tab reach its footer.
          if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
          const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(CONTROLS)].filter((control) => control.offsetParent !== null);
          const target = event.target as HTMLElement;
          const leaving = event.shiftKey ? target === event.currentTarget || target === controls[0] : target === controls.at(-1) || controls.length === 0;
          if (!leaving) return;
          event.preventDefault();
          onTabOut(!event.shiftKey);
        }}
      >
        {back ? (
          // Before the title: this card stands by another entity's name, and says so before anything else.
          <button type="button" className="link card-back" onClick={onBack}>
            {/* The eye's, not the listener's: read aloud, "left arrow Back to Russia". */}
            <span aria-hidden="true">{`${i18n.t('card.backArrow')} `}</span>
            {i18n.t('card.back', { name: back.name })}
          </button>
        ) : null}
        {state.card ? (
          // One view per entity: another name's card, shown in place of this one, opens folded, not with the sources
          // (and "About the story") the reader unfolded here, which showed quotes of that card the reader never asked for.
          <EntityCardView key={state.card.entity.id} card={state.card} titleId={titleId} onOpenEntity={onOpenEntity} />
        ) : (
          // One live line for "Loading…" and the failure, its words changed in place: put on the page together with its
          // words, a live line is not always read out, and a Try again that failed again was silent.
          // In the reader's words: the browser's reason ("Could not establish connection…") is logged, not shown.
          <p id={titleId} className="card-status" role="status">
            {i18n.t(state.error ? 'card.error' : 'card.loading')}
          </p>
        )}
        {!state.card && state.error ? (
          <button type="button" className="link card-retry" onClick={onRetry}>
            {i18n.t('card.tryAgain')}
          </button>
        ) : null}
      </div>
    </>
  );
}

/**
 * Gives the card the focus: on the button of the related name `returnTo` when the card has one, scrolled into the
 * card's view (a card opens at its top, and "Related" is at its foot); on the card itself otherwise.
 */
function focusWithin(card: HTMLElement, returnTo: string | undefined): void {
  const related = returnTo === undefined ? null : card.querySelector<HTMLElement>(`.related-list [data-entity-id="${CSS.escape(returnTo)}"]`);
  if (!related) {
    card.focus({ preventScroll: true });
    return;
  }
  related.focus({ preventScroll: true });
  showOpened(related, related);
}

/** What Tab stops at in the card. */
const CONTROLS = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The least height a card is given where the viewport has it, in CSS pixels. */
const MIN_CARD_HEIGHT = 160;

/**
 * Floating UI with the name's box taken as it is, in viewport coordinates, which is where the card is placed
 * (`placeAt`). Its own measure subtracts the root element's left edge, taking it for a scroll bar on the left: a
 * page that narrows and centres <html>, or is written in vertical lines (its root's box at the right), had the card
 * open that far to the left of its name.
 */
const viewportPlatform: Platform = {
  ...platform,
  async getElementRects({ reference, floating }) {
    const { width, height } = await platform.getDimensions(floating);
    const { x, y, width: referenceWidth, height: referenceHeight } = reference.getBoundingClientRect();
    return { reference: { x, y, width: referenceWidth, height: referenceHeight }, floating: { x: 0, y: 0, width, height } };
  },
};

/** The reference the card is placed by: the line of the name it stands by, as tall as all the name's lines. */
function virtualElement(anchor: AnchorBox) {
  const top = anchor.nameTop ?? anchor.y;
  const bottom = anchor.nameBottom ?? anchor.y + anchor.height;
  return {
    getBoundingClientRect: () => ({ x: anchor.x, y: top, width: anchor.width, height: bottom - top, top, left: anchor.x, right: anchor.x + anchor.width, bottom }),
  };
}

/**
 * Whether the card has more than it shows (`data-scrolls`), and more below where it is scrolled to (`data-more`): the
 * card then fades out at its bottom edge, where a scroll bar the system hides would have said so.
 */
function markOverflow(element: HTMLElement): void {
  const scrolls = element.scrollHeight > element.clientHeight;
  element.dataset.scrolls = String(scrolls);
  element.dataset.more = String(scrolls && element.scrollTop + element.clientHeight < element.scrollHeight - 1);
}
