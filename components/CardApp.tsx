import { i18n } from '#i18n';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntityCard } from '../core/messages/protocol';
import { sendMessage, sendMessageRetrying } from '../extension/send-message';
import type { CardApi, CardRequest } from '../page/card-bridge';
import { focusPlace, inView } from '../page/focus-place';
import { isFrameElement } from '../page/frame-element';
import { isOwnHost } from '../page/own-hosts';
import { focusedIn, refocus } from '../page/reader-place';
import { tabStopAfter } from '../page/tab-stops';
import { CardHost, type CardState, type TrailStep } from './CardHost';
import { ErrorBoundary } from './ErrorBoundary';
import { NOTICE_MS, PageNoticeLine, type ShownNotice } from './PageNoticeLine';

/** What one entities/get request may ask for (the protocol's limit). */
const MAX_CARDS_PER_REQUEST = 500;

/** Lets the page script drive the card: the app hands its API out once mounted. */
export function CardApp({ onReady }: { onReady: (api: CardApi) => void }) {
  const [state, setState] = useState<CardState>();
  // The pointer, or keyboard focus, is inside the card: the page side then leaves it open.
  const pointerInside = useRef(false);
  const focusInside = useRef(false);
  const current = useRef<CardRequest>(undefined);

  // Where keyboard focus was before a card took it, to give it back on close: the element that had it, or the name's place.
  const returnFocus = useRef<{ element: HTMLElement | null; place: Element | null | undefined } | null>(null);
  // `after`: Tab went past the card's last control.
  const restoreFocus = useCallback((request: CardRequest | undefined, after: boolean) => {
    const saved = returnFocus.current;
    returnFocus.current = null;
    if (!saved || !focusStillOurs()) return;
    // Not to an element the walk from name to name left off screen: the reader is at the last name now, and focus
    // given back there unseen, with the page not scrolled to it, would take a screen reader far from where they read.
    // Nor by Tab out of a card for a name in a frame, which the frame goes on from, past the name.
    const toFrame = after && request?.onFocusBack !== undefined;
    const elementStays = !toFrame && saved.element?.isConnected && (!saved.place?.isConnected || inView(saved.element));
    if (elementStays && refocus(saved.element!)) return;
    if (saved.place?.isConnected) {
      focusPlace(saved.place);
      request?.onFocusBack?.(after);
    }
  }, []);

  // Cards fetched ahead for the entities on the page, and those opened since.
  const cards = useRef(new Map<string, EntityCard>());
  // The cards a reader came through by "Related", still standing by the name they hovered: the way back to each.
  const trail = useRef<readonly TrailStep[]>([]);

  // Each card opened has its number: its show settles once that card is shown (CardApi.show), not one opened before it.
  const opens = useRef(0);
  const waiting = useRef<{ opened: number; settle: () => void }>(undefined);
  const settleWaiting = useCallback((opened?: number) => {
    const waiter = waiting.current;
    if (!waiter || (opened !== undefined && waiter.opened !== opened)) return;
    waiting.current = undefined;
    waiter.settle();
  }, []);

  // `returnTo`: the related name the reader comes back from, whose button in this card takes the focus.
  const load = useCallback(
    (shown: CardRequest, returnTo?: string): Promise<void> => {
      let request = shown;
      if (request.focus && !returnFocus.current) {
        // A link in a web component: the document tells only the component's element, which takes no focus given back.
        const active = focusedIn(document);
        // Focus in an embedded frame is the reader in that frame, whose card the walk just left: given back, it would take
        // the reader into the frame again. The name's place instead.
        const held = active instanceof HTMLElement && active !== document.body && !isFrameElement(active);
        returnFocus.current = { element: held ? active : null, place: request.place };
      } else if (returnFocus.current) {
        // Walked on to another name: the reader is there now, not at the first name.
        returnFocus.current.place = request.place;
      }
      current.current = request;
      settleWaiting();
      const opened = ++opens.current;
      const settled = new Promise<void>((settle) => (waiting.current = { opened, settle }));
      const known = cards.current.get(request.entityId);
      const came = trail.current;
      if (known) {
        setState({ request, opened, card: known, trail: came, returnTo });
        return settled;
      }
      setState({ request, opened, trail: came, returnTo });
      // Asked again after a moment when it fails: the card a reader opens as the background restarts (an update) comes all the same.
      void sendMessageRetrying({ type: 'entity/get', entityId: request.entityId }).then((reply) => {
        if (reply.ok) cards.current.set(reply.card.entity.id, reply.card);
        else console.warn('[Backstory] Could not load the card of', request.entityId, reply.error);
        if (current.current?.entityId !== request.entityId) return;
        request = current.current;
        // The card open now: the same entity opened again meanwhile is a newer open, waiting on this reply too.
        const now = opens.current;
        const came = trail.current;
        // A failure that comes after the card did (another open's request, a prefetch) leaves the card shown.
        const card = reply.ok ? reply.card : cards.current.get(request.entityId);
        if (card) setState({ request, opened: now, card, trail: came, returnTo });
        else if (!reply.ok) setState({ request, opened: now, error: reply.error, trail: came, returnTo });
      });
      return settled;
    },
    [settleWaiting],
  );

  const prefetch = useCallback((entityIds: readonly string[]) => {
    for (let i = 0; i < entityIds.length; i += MAX_CARDS_PER_REQUEST) {
      const batch = entityIds.slice(i, i + MAX_CARDS_PER_REQUEST);
      void sendMessage({ type: 'entities/get', entityIds: batch }).then((reply) => {
        // A failed prefetch costs nothing: the card is fetched when it opens.
        if (reply.ok) for (const card of reply.cards) cards.current.set(card.entity.id, card);
      });
    }
  }, []);

  const [notice, setNotice] = useState<ShownNotice>();
  const noticeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const notices = useRef(0);
  const showNotice = useCallback((kind: ShownNotice['kind'], onGone?: () => void) => {
    // A notice replacing one still shown takes its time: the one it replaces is not gone from the screen.
    clearTimeout(noticeTimer.current);
    setNotice({ kind, n: ++notices.current });
    noticeTimer.current = setTimeout(() => {
      setNotice(undefined);
      onGone?.();
    }, NOTICE_MS);
  }, []);
  useEffect(() => () => clearTimeout(noticeTimer.current), []);

  // The card goes, and focus goes back where it was; the page side told (`onClose`) only when the card closed itself.
  const dismiss = useCallback((after = false, focusBack = true) => {
    const request = current.current;
    current.current = undefined;
    trail.current = [];
    settleWaiting();
    pointerInside.current = false;
    focusInside.current = false;
    setState(undefined);
    if (focusBack) restoreFocus(request, after);
    else returnFocus.current = null;
    return request;
  }, [restoreFocus, settleWaiting]);
  const close = useCallback((after = false) => dismiss(after)?.onClose?.(), [dismiss]);

  useEffect(() => {
    onReady({
      // A name hovered or walked to starts afresh: its card is the first of its trail.
      show: (request) => {
        trail.current = [];
        // Focus in the card (a source the reader clicked) goes with the facts it was among: the card shown in their place
        // takes it, or the page's <body> would, and the next Tab start from the page's top.
        return load({ ...request, focus: request.focus || focusInside.current });
      },
      hide: (how) => {
        dismiss(false, how?.focusBack ?? true);
      },
      isEngaged: () => pointerInside.current || focusInside.current,
      prefetch,
      notice: showNotice,
      move: (anchor) => {
        const request = current.current;
        if (!request) return;
        current.current = { ...request, anchor };
        setState((previous) => previous && { ...previous, request: current.current! });
      },
      renamed: (name) => {
        const request = current.current;
        if (!request) return;
        const saved = returnFocus.current;
        if (saved && saved.place === request.place) saved.place = name.place;
        current.current = { ...request, ...name };
        setState((previous) => previous && { ...previous, request: current.current! });
      },
    });
  }, [onReady, load, prefetch, dismiss, showNotice]);

  useEffect(() => {
    if (!state) return;
    let pressSeen = false;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      pressSeen = true;
      // Above a dialog, the card is what Escape closes: not the dialog under it as well.
      if (current.current?.layer) {
        event.preventDefault();
        event.stopPropagation();
      }
      close();
    };
    // A page that stops Escape's press at the window before us (its own shortcuts) still lets its release through.
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !event.isTrusted) return;
      if (!pressSeen) close();
      pressSeen = false;
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [state, close]);

  /**
   * Tab past the card's last control goes on to the page's next control after
   * the name, as a card that stood in the page right after its name would: not
   * back to where focus was, which made the reader Tab through the page again.
   * Shift+Tab before its first control goes back, as Escape does, to the name's
   * place or where focus was: the name itself, which the card comes after, is no
   * control to land on.
   */
  const tabOut = useCallback(
    (forward: boolean) => {
      const request = current.current;
      const nameEnd = request?.nameEnd;
      const next = forward && nameEnd?.isConnected ? tabStopAfter(nameEnd) : null;
      const saved = returnFocus.current;
      if (next) returnFocus.current = null;
      close(forward);
      if (!next) return;
      next.focus();
      // A control the browser would not focus (behind a modal dialog, which makes the rest of the page inert without an
      // attribute to tell): the focus goes back to the name's place, not to the page's <body>.
      if (!next.matches(':focus') && saved) {
        returnFocus.current = saved;
        restoreFocus(request, forward);
      }
    },
    [close, restoreFocus],
  );

  // Where the pointer goes after it leaves the card is the page side's to judge (page/hover-card.ts):
  // back onto the card's name keeps the card, onto another name opens that one, elsewhere closes it.
  const engagedChange = useCallback((was: boolean) => {
    const now = pointerInside.current || focusInside.current;
    if (now !== was) current.current?.onEngaged?.(now);
  }, []);
  const onPointerInside = useCallback(
    (inside: boolean) => {
      const was = pointerInside.current || focusInside.current;
      pointerInside.current = inside;
      engagedChange(was);
    },
    [engagedChange],
  );
  const onFocusInside = useCallback((inside: boolean) => {
    const was = pointerInside.current || focusInside.current;
    focusInside.current = inside;
    engagedChange(was);
    // Focus the pointer put in the card (a source button clicked) would go with the card when it closes, and the next Tab
    // leave the page: it goes back to the name's place, as from a card the keyboard opened.
    if (inside && !returnFocus.current) returnFocus.current = { element: null, place: current.current?.place };
  }, [engagedChange]);

  const openEntity = useCallback(
    (entityId: string) => {
      const request = current.current;
      // The related name's button goes with the card it was in: focus the reader put there goes to the card shown now,
      // not nowhere (the next Tab would start from the page's end).
      if (!request) return;
      trail.current = [...trail.current, { entityId: request.entityId, name: cards.current.get(request.entityId)?.entity.name ?? request.entityId }];
      void load({ ...request, entityId, focus: request.focus || focusInside.current });
    },
    [load],
  );

  // The card that could not be had, asked for again; the focus the reader put on its Try again stays in the card.
  const retry = useCallback(() => {
    const request = current.current;
    if (request) void load({ ...request, focus: request.focus || focusInside.current });
  }, [load]);

  const goBack = useCallback(() => {
    const request = current.current;
    const back = trail.current.at(-1);
    if (!request || !back) return;
    trail.current = trail.current.slice(0, -1);
    // As a browser's Back does, the reader lands on the link they followed: the related name of the card they leave.
    void load({ ...request, entityId: back.entityId, focus: request.focus || focusInside.current }, request.entityId);
  }, [load]);

  const failed = useCallback(
    (error: unknown, stack: string) => {
      console.error('[Backstory] The card failed', error, stack);
      close();
    },
    [close],
  );

  return (
    // The card speaks the extension's language, whatever the page's own is.
    <div className="root" lang={i18n.t('lang')} dir={i18n.t('dir')}>
      {/* A card that throws as it renders closes, as the reader's Escape would; the next open gets a fresh try. */}
      <ErrorBoundary resetKey={state?.opened} fallback={null} onError={failed}>
        <CardHost
          state={state}
          onOpenEntity={openEntity}
          onBack={goBack}
          onPointerInside={onPointerInside}
          onFocusInside={onFocusInside}
          onTabOut={tabOut}
          onShown={settleWaiting}
          onRetry={retry}
        />
      </ErrorBoundary>
      <PageNoticeLine notice={notice} />
    </div>
  );
}

/**
 * Focus is in the card, or nowhere: a reader who clicked or tabbed elsewhere keeps it there. Nor
 * when this document has lost focus to another one (the keyboard command opened a card in another
 * frame, which closes this one): its active element is still our card, but focus is no longer here.
 */
function focusStillOurs(): boolean {
  if (!document.hasFocus()) return false;
  const active = document.activeElement;
  return !active || active === document.body || isOwnHost(active);
}

