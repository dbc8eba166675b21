import type { CardApi } from './card-bridge';
import { openModal } from './top-layer';

/**
 * The card's API, putting the card's host where the card can show before it
 * does, and showing the host as a popover, in the browser's top layer: there
 * it is drawn clear of what the page does to the host's ancestors (a filter,
 * opacity, a transform or overflow on <html>, `* { opacity: .3 }`), which no
 * style inside our shadow root can undo, and above the page. Beside the body,
 * normally. Inside the top-layer element its name is in (a modal dialog, a
 * popover): outside a modal dialog it would be inert, and outside a page's
 * popover a click in the card would light-dismiss it. A manual popover
 * dismisses no popover of the page's. Back in the page when the page took it
 * out: one that replaces its document (document.open and write) takes the host
 * with the old one. Moved, the host keeps its shadow root and the React tree in it.
 * A notice of the keyboard command shows the same way, with or without a card.
 */
export function placedInPage(api: CardApi, host: HTMLElement): CardApi {
  let cardOpen = false;
  let noticeShown = false;
  const leaveTopLayer = () => {
    if (host.hasAttribute('popover') && host.matches(':popover-open')) host.hidePopover();
  };
  // What shows last is drawn on top: the host goes into the top layer anew, above what the page put there since.
  const showIn = (parent: Element) => {
    // Moving a shown popover hides it: it is shown again below.
    if (host.parentNode !== parent) parent.append(host);
    if (typeof host.showPopover !== 'function') return;
    host.setAttribute('popover', 'manual');
    // A popover is a group to screen readers, unnamed here: the dialog inside it is all the card is.
    host.setAttribute('role', 'none');
    leaveTopLayer();
    try {
      host.showPopover();
    } catch {
      // Refused (a document that is not fully active): the card still shows where the host is, under the page's styles.
    }
  };
  // Out of the top layer once neither the card nor a notice shows.
  const gone = () => {
    if (!cardOpen && !noticeShown) leaveTopLayer();
  };
  return {
    ...api,
    show(request) {
      cardOpen = true;
      showIn(request.layer ?? document.documentElement);
      return api.show({
        ...request,
        onClose: () => {
          cardOpen = false;
          gone();
          request.onClose?.();
        },
      });
    },
    hide(how) {
      cardOpen = false;
      gone();
      api.hide(how);
    },
    notice(kind) {
      noticeShown = true;
      // Beside an open card, where it stands; else where the reader can see it: outside an open modal dialog, it would be inert,
      // hidden from screen readers.
      if (!cardOpen) showIn(openModal() ?? document.documentElement);
      api.notice(kind, () => {
        noticeShown = false;
        gone();
      });
    },
  };
}
