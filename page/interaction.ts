import type { ScriptContext } from '../extension/script-context';
import type { CardApi } from './card-bridge';
import { isOwnHost } from './own-hosts';
import { escapeFromElsewhere } from './escape-elsewhere';
import { closeOnFocusElsewhere } from './focus-left';
import { pointerLeftDocument } from './frame-element';
import { HoverCard } from './hover-card';
import { MentionLookup } from './mention-lookup';
import { pageCommands } from './page-commands';
import type { PageRequests } from './page-requests';
import type { PageBridge } from './page-bridge';
import { listenForReaderPointer } from './reader-pointer';
import { TapOpener } from './tap-open';

/**
 * Everything the reader does with mentions, started by the card script once it
 * is in the frame: hovering or a tap opens cards, the card follows scrolling, the popup's
 * and the keyboard's commands reveal mentions. The facts of every entity found
 * are fetched ahead, so a card never waits for the service worker.
 */
export function startInteraction(ctx: ScriptContext, page: PageBridge, api: CardApi, requests: PageRequests): void {
  const { annotator } = page;
  const escapeWatch = escapeFromElsewhere();
  const card = new HoverCard(api, (mention) => {
    annotator.setHovered(mention);
    escapeWatch.shown(mention !== undefined);
  });
  const lookup = new MentionLookup(annotator);
  ctx.onInvalidated(lookup.stop);
  ctx.onInvalidated(() => card.close());
  requests.answerNames(pageCommands(annotator, card, { at: (node, offset) => lookup.atCaret(node, offset) }));

  // The index the reader's first hover would build, built in idle time instead, anew after each change of the names.
  let warming = 0;
  const warm = () => {
    // Only with work left: each idle callback asked of the script context stays listed in it until the page goes.
    if (warming || !lookup.behind) return;
    warming = ctx.requestIdleCallback((deadline) => {
      warming = 0;
      if (lookup.warm(() => deadline.timeRemaining() > 1)) warm();
    });
  };

  const fetched = new Set<string>();
  const sync = () => {
    warm();
    if (card.current && !annotator.shown.includes(card.current)) card.lost(annotator.shown);
    card.pendingLost((mention) => annotator.shown.includes(mention), (x, y) => lookup.at(x, y));
    const fresh = [...page.counts().keys()].filter((id) => !fetched.has(id));
    if (fresh.length === 0) return;
    fresh.forEach((id) => fetched.add(id));
    api.prefetch(fresh);
  };
  sync();
  let relisten = () => {};
  ctx.onInvalidated(
    page.subscribe((change) => {
      if (change === 'navigation') card.close();
      else if (change === 'document') relisten();
      else sync();
    }),
  );

  const rested = page.pointer();
  let pointer = rested && { x: rested.x, y: rested.y };
  // Whether the pointer itself moved since the last frame, or only the page under it: before this script came, too.
  let moved = rested?.moved ?? false;
  // A mouse button held down: the reader selects text, or drags something, across names that must not pop cards up.
  let held = false;
  let frame = 0;
  const onFrame = () => {
    frame = 0;
    // A page that cleared the registry of highlights it shares with us (its own search) has ours back as the pointer moves.
    annotator.updateViewport();
    if (pointer && !held) card.hover(lookup.at(pointer.x, pointer.y), { scrolled: !moved, at: pointer });
    moved = false;
    card.follow();
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(onFrame);
  };
  const taps = new TapOpener(card, lookup);
  // A tap before this script came opens its card now; the mouse's last place (a laptop with a touch screen) is taken
  // as at rest, as after any tap, and leaves that card be until the mouse moves.
  const early = page.takeTap();
  if (early.tap && taps.tappedEarlier(early.tap)) moved = false;
  if (early.pressing) taps.resume(early.pressing);
  const listenForPointer = listenForReaderPointer(ctx, {
    move(move) {
      // Backstory switched off or removed in the browser: the card goes (page/annotator.ts takes the highlights).
      // A finger sliding over the page scrolls it: it hovers nothing.
      if (ctx.isInvalid || move.touch) return;
      // A move where the pointer already was is no move of the reader's: a browser may send one as the page scrolls under it.
      moved ||= pointer === undefined || pointer.x !== move.x || pointer.y !== move.y;
      pointer = { x: move.x, y: move.y };
      // Released outside the window, the button is seen up again on the first move back.
      held = move.buttons !== 0;
      schedule();
    },
    out(event) {
      // Out of the window, or into an embedded frame, whose document gets the pointer's moves from now on:
      // it rests on no name of this one any more. A finger lifted goes out of the window too, and leaves a mouse where it was.
      if (isTouch(event) || !pointerLeftDocument(event)) return;
      pointer = undefined;
      card.hover(undefined);
    },
    // Seen from the page, a press inside the card's closed shadow root comes from its host element.
    down(event) {
      // A finger's touch that turns into a scroll ends with no lift: it would leave the mouse held for good.
      if (!isTouch(event)) held = event.buttons !== 0;
      const onCard = isCardHost(event.target);
      if (isPointerEvent(event) && taps.down(event, onCard)) return;
      card.pressed(onCard);
    },
    up(event) {
      if (!isTouch(event)) held = event.buttons !== 0;
      if (!ctx.isInvalid && isPointerEvent(event)) taps.up(event);
    },
  });
  const onPointerCancel = (event: PointerEvent) => taps.cancel(event);
  // A press in an embedded frame, or in the page around this one, never comes here: the focus it takes away does.
  const onBlur = closeOnFocusElsewhere(card, window !== window.top);
  // Again after the page wrote a new document, which erased them: the same functions add nothing where they still listen.
  const listen = () => {
    // Captured, as the presses and scrolls are: a map, a slider or a player that stops the pointer's events from bubbling
    // (stopPropagation) kept a card open over it for as long as the pointer stayed there, and its names never opened one.
    listenForPointer();
    ctx.addEventListener(window, 'pointercancel', onPointerCancel, { passive: true, capture: true });
    ctx.addEventListener(window, 'scroll', schedule, { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', schedule, { passive: true });
    ctx.addEventListener(window, 'blur', onBlur, { passive: true });
    ctx.addEventListener(window, 'pagehide', escapeWatch.leave);
  };
  listen();
  relisten = listen;
  if (pointer) schedule();
}

/** The pointer's own event, not the mouse's that stood in for it: only the pointer's tell a finger's tap. */
function isPointerEvent(event: PointerEvent | MouseEvent): event is PointerEvent {
  return 'pointerType' in event;
}

function isTouch(event: PointerEvent | MouseEvent): boolean {
  return isPointerEvent(event) && event.pointerType === 'touch';
}

function isCardHost(target: EventTarget | null): boolean {
  return target instanceof Element && isOwnHost(target);
}
