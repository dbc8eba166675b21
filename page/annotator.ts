import type { ScriptContext } from '../extension/script-context';
import { matcherFrom } from '../core/matcher/runtime';
import { decodeMatcher } from '../core/matcher/wire';
import { isActiveOn, normalizeSettings, type Settings } from '../core/settings';
import { isSameView } from '../core/site';
import type { Category } from '../core/story/category';
import { ANNOTATOR_MARKER, takeLocalStart, takeMatcherReply } from '../extension/annotator-keys';
import { builtMatcherReply } from '../extension/built-matcher-reply';
import { leaveLookAgain } from '../extension/look-again';
import { firstMatcherReply } from '../extension/matcher-reply';
import { sendPageMessage, sendPageMessageNow } from '../extension/send-page-message';
import { DOCUMENT_START, documentStart } from '../extension/story-keys';
import { followSettings } from '../extension/settings-watch';
import { onceAFrame, VIEWPORT_EVENTS } from './follow-viewport';
import { supportsHighlights } from './highlighter';
import { loadOverlayPainter } from './overlay-bridge';
import { PageAnnotator } from './page-annotator';
import { beginReading, endReading, markNamed } from './reading-mark';
import { yieldToPage } from './scheduler';
import { registerPageBridge, type PageChange } from './page-bridge';
import { foundReport, throttledReporter } from './found-reporter';
import { SeenCounts } from './seen-counts';
import { EarlyTaps } from './early-tap';
import { cardUiLoader } from './card-ui-loader';
import { watchSameDocumentMoves } from './same-document-moves';
import { listenForReaderPointer } from './reader-pointer';
import { pointerLeftDocument } from './frame-element';

/** Reports of what was found are sent at most this often while a page keeps changing. */
const REPORT_INTERVAL_MS = 500;

const PRESENT = Symbol.for(ANNOTATOR_MARKER);

/** Whether this frame runs the annotator already: the background asks before injecting it. */
export function annotatorPresent(): boolean {
  return PRESENT in globalThis;
}

/**
 * The annotator, in a frame whose screen found a name of the story: imported
 * by the screen in a top frame, else injected by the background
 * (extension/request-annotator.ts). The story's matcher (the one it was built
 * with, or the background's), the reader's settings, highlights, and reports of what was found for the popup and the
 * badge. Hovering, the card and the page commands come with the card script,
 * which the background injects only into frames where mentions were found.
 */
export async function startAnnotator(ctx: ScriptContext): Promise<PageAnnotator | undefined> {
  (globalThis as { [PRESENT]?: true })[PRESENT] = true;
  ctx.onInvalidated(() => delete (globalThis as { [PRESENT]?: true })[PRESENT]);
  const parsed = documentParsed();
  const settings = followSettings();
  ctx.onInvalidated(settings.stop);
  const local = takeLocalStart();
  // The build's matcher is read (its JSON parsed) in a task after the one that evaluated this script, as a reply from the
  // worker arrives in one: in that task, they made the longest task of the demo article's load 13.6 → 19.2 ms.
  const asked = takeMatcherReply();
  const built = !asked && local ? await yieldToPage().then(() => builtMatcherReply(local)) : undefined;
  const reply = built ?? (await firstMatcherReply(asked, () => sendPageMessage({ type: 'matcher/get' })));
  if (!reply.ok) {
    settings.stop();
    throw new Error(`No story to match: ${reply.error}`);
  }
  const initialSettings = normalizeSettings(reply.settings);
  // The script's own evaluation was one task already: decoding the matcher and starting come in another.
  await yieldToPage();
  if (ctx.isInvalid) return undefined;

  const categories = new Map(reply.entities.map((e) => [e.id, e.category as Category]));
  const listeners = new Set<(change: PageChange) => void>();
  const notify = (change: PageChange) => listeners.forEach((listener) => listener(change));
  let counts: ReadonlyMap<string, number> = new Map();
  /** Switched on for this site: switched off, the page is not the story's as far as the badge and the popup go. */
  let active = false;
  // The popup and the badge count the names the reader can see, looked at as a report is sent (at most once an interval), in slices.
  const seen = new SeenCounts(
    () => annotator.mentions,
    () => {
      if (active) report(counts);
    },
  );
  ctx.onInvalidated(() => seen.stop());
  // The popup has every frame look again as it opens: styles change what the reader sees without a mutation we hear of.
  ctx.onInvalidated(leaveLookAgain(() => void seen.lookAgain()));
  let reports = 0;
  const report = throttledReporter(
    (latest: ReadonlyMap<string, number>) => {
      const asked = ++reports;
      void (latest.size > 0 ? seen.counted() : Promise.resolve(latest)).then((shown) => {
        // A later report is on its way (the page switched off meanwhile: its empty counts must not be overtaken).
        if (asked !== reports || ctx.isInvalid) return;
        void sendPageMessage(foundReport(shown, location.href, documentStart(DOCUMENT_START)));
      });
    },
    ctx,
    REPORT_INTERVAL_MS,
  );
  const cardUi = cardUiLoader(
    {
      isInvalid: () => ctx.isInvalid,
      idle: (then, timeout) => ctx.requestIdleCallback(then, { timeout }),
      ask: () =>
        void sendPageMessage({ type: 'ui/load' }).then((reply) => {
          if (!reply.ok) console.warn('[Backstory] Could not load the card:', reply.error);
        }),
    },
    window !== window.top,
  );
  // Set once the window's listeners are: document.open() erases every listener on the window it finds.
  let listenAgain = () => {};
  const painter = supportsHighlights() ? undefined : await loadOverlayPainter();
  if (ctx.isInvalid) return undefined;
  const annotator = new PageAnnotator({
    matcher: matcherFrom(decodeMatcher(reply.matcher, { built: reply === built })),
    painter,
    // The manifest adds our highlight styles to every document (wxt.config.ts).
    documentStyled: true,
    onCountsChange: (latest) => {
      counts = latest;
      markNamed(latest.size > 0);
      if (active) report(latest);
      if (latest.size > 0) cardUi.mentionsFound();
      notify('mentions');
    },
    onDocumentReplaced: () => {
      listenAgain();
      notify('document');
    },
    // Found unloaded, the context runs its onInvalidated: the annotator is destroyed, its highlights with it.
    cutOff: () => ctx.isInvalid,
  });
  await parsed;
  if (ctx.isInvalid) {
    annotator.destroy();
    return undefined;
  }
  ctx.onInvalidated(() => annotator.destroy());
  // For the card script as it comes (PageBridge.pointer): where the pointer rests, and whether it moved there itself.
  let pointer: { x: number; y: number; moved: boolean } | undefined;
  // Set from a move of the pointer until the next frame: a scroll in that frame does not undo the move, as for the card
  // script (page/interaction.ts), which takes a move since the last frame as the reader's (the scroll's event may come after).
  let moveInFrame = 0;
  const listenForMoves = listenForReaderPointer(ctx, {
    move(move) {
      // Switched off or removed in the browser, Backstory is told nothing: the reader back on the page finds out
      // (reading the context invalidates it: the highlights go, and the card with them).
      if (ctx.isInvalid) return;
      // A finger sliding over the page scrolls it and hovers nothing, as for the card script: its taps are kept below.
      // A move where the pointer already was is no move of the reader's: a browser may send one as the page scrolls under it.
      const at = pointer;
      const still = at !== undefined && at.x === move.x && at.y === move.y;
      if (!move.touch) pointer = { x: move.x, y: move.y, moved: still ? at.moved : true };
      if (!still && !move.touch) moveInFrame ||= ctx.requestAnimationFrame(() => (moveInFrame = 0));
      cardUi.pointerMoved();
    },
    out(event) {
      // Out of the window, or into an embedded frame: it rests on no name here, and a card the script opened as it came
      // would stay, nothing to close it, until the pointer came back (page/interaction.ts). A finger lifted goes out of
      // the window too, and leaves a mouse where it was.
      if (isTouch(event) || !pointerLeftDocument(event)) return;
      pointer = undefined;
    },
  });
  // The page scrolled under a pointer at rest: the name it brings there is none the reader pointed at (page/hover-card.ts).
  // Only a scroll of what is under the pointer: a carousel or a ticker scrolling elsewhere moves no name there.
  const onScroll = (event: Event) => {
    if (!pointer?.moved || moveInFrame) return;
    const scrolled = event.target;
    const under = scrolled instanceof Element ? document.elementFromPoint(pointer.x, pointer.y) : null;
    if (!(scrolled instanceof Element) || (under !== null && scrolled.contains(under))) pointer = { ...pointer, moved: false };
  };
  // A tap has no hover for the card script to find once it comes: the tap itself is kept, and brings the card script at once.
  const taps = new EarlyTaps(() => {
    if (!ctx.isInvalid) cardUi.tapped();
  });
  const onPointerDown = (event: PointerEvent) => taps.down(event);
  const onPointerUp = (event: PointerEvent) => taps.up(event);
  const onPointerCancel = (event: PointerEvent) => taps.cancel(event);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') taps.forget();
  };
  const onVisibilityChange = () => void ctx.isInvalid;
  ctx.onInvalidated(
    registerPageBridge({
      annotator,
      counts: () => counts,
      pointer: () => pointer,
      takeTap: () => taps.take(),
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }),
  );

  const apply = (settings: Settings) => {
    const wasActive = active;
    active = isActiveOn(settings, reply.site);
    annotator.setFilter((id) => active && settings.categories[categories.get(id)!] !== false);
    notify('mentions');
    // Switched back on, the page is read again and what it finds reported; switched off, the badge clears at once.
    // The first reading of the page (reading-mark.ts) ends with the first scan; switched off, nothing is read.
    if (active && !wasActive) {
      // Marked as a first reading is: the popup, looking into the page, tells it is being read until it is.
      beginReading();
      void annotator.start().finally(endReading);
    }
    if (!active) endReading();
    if (!active && wasActive) {
      annotator.pause();
      report(new Map());
    }
    // The badge counts the names shown: a category switched changes it though the counts stay.
    if (active && wasActive) report(counts);
  };
  settings.follow(initialSettings, apply);

  // Single-page apps change the URL without a load: the new view is a new page, read anew, its context (the full
  // names before a short one) its own. An app may render the new view after it moved: two frames are waited for.
  watchSameDocumentMoves(ctx, (oldUrl, newUrl) => {
    if (isSameView(oldUrl, newUrl)) return;
    taps.forget();
    notify('navigation');
    ctx.requestAnimationFrame(() =>
      ctx.requestAnimationFrame(() => {
        if (active) void annotator.reset({ keepShown: true });
      }),
    );
  });

  // Back to this page from the browser's back-forward cache: nothing runs again, but the tab's badge and
  // the popup's list were those of the page left; the counts are told anew.
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && active) report(counts);
  };
  // An embedded frame the page removes, or that moves on to a page without names (which reports nothing), takes its
  // names off the badge as it goes: they counted there until the popup was opened. Not the top frame, whose next page
  // reports; not a page kept in the back-forward cache, which tells its counts again when shown (above).
  const onPageHide = (event: PageTransitionEvent) => {
    if (!event.persisted && active && counts.size > 0 && window !== window.top) {
      sendPageMessageNow(foundReport(new Map(), location.href, documentStart(DOCUMENT_START)));
    }
  };

  // What the reader opens or closes may show or hide names with no change we hear of (a style on the part, a class on its button).
  const onReaderActed = (event: Event) => {
    if (active && (event.type !== 'keydown' || (event as KeyboardEvent).key === 'Escape')) seen.readerActed();
  };

  // Nothing tells of a document put into design mode (the page's editor): the reader's first edit, or focus coming into
  // the page, is when it shows.
  const onEditing = () => annotator.lookAtDesignMode();

  // A stylesheet that arrives after the scan may hide names or show them, and so may the page's own timers soon after.
  const loaded = () => {
    void seen.lookAgain();
    seen.lookWhileSettling();
  };
  if (document.readyState !== 'complete') ctx.addEventListener(window, 'load', loaded, { once: true });
  else seen.lookWhileSettling();

  // A copy of an extension since unloaded (updated, reloaded) would paint its names over the new copy's as the page
  // scrolls: asked first, it finds itself cut off and is destroyed.
  const followViewport = onceAFrame(() => ctx.isValid && annotator.updateViewport());
  // The same functions again add nothing where they are still listening.
  listenAgain = () => {
    listenForMoves();
    ctx.addEventListener(window, 'pointerdown', onPointerDown, { passive: true, capture: true });
    ctx.addEventListener(window, 'pointerup', onPointerUp, { passive: true, capture: true });
    ctx.addEventListener(window, 'pointercancel', onPointerCancel, { passive: true, capture: true });
    ctx.addEventListener(window, 'keydown', onKeyDown, { passive: true, capture: true });
    for (const type of ['click', 'change', 'keydown'] as const) ctx.addEventListener(window, type, onReaderActed, { passive: true, capture: true });
    for (const type of ['beforeinput', 'focusin'] as const) ctx.addEventListener(window, type, onEditing, { passive: true, capture: true });
    ctx.addEventListener(document, 'visibilitychange', onVisibilityChange);
    ctx.addEventListener(window, 'pageshow', onPageShow);
    ctx.addEventListener(window, 'pagehide', onPageHide);
    for (const [type, options] of VIEWPORT_EVENTS) ctx.addEventListener(window, type, followViewport, options);
    ctx.addEventListener(window, 'scroll', onScroll, { passive: true, capture: true });
  };
  listenAgain();
  return annotator;
}

function isTouch(event: PointerEvent | MouseEvent): boolean {
  return 'pointerType' in event && event.pointerType === 'touch';
}

/** Resolves once the page's HTML is parsed: what there is to read is all there. */
function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
