import type { CardApi } from './card-bridge';

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
 */
export function placedInPage(api: CardApi, host: HTMLElement): CardApi {
  const leaveTopLayer = () => {
    if (host.hasAttribute('popover') && host.matches(':popover-open')) host.hidePopover();
  };
  return {
    ...api,
    show(request) {
      const parent = request.layer ?? document.documentElement;
      // Moving a shown popover hides it: it is shown again below.
      if (host.parentNode !== parent) parent.append(host);
      if (typeof host.showPopover === 'function') {
        host.setAttribute('popover', 'manual');
        // A popover is a group to screen readers, unnamed here: the dialog inside it is all the card is.
        host.setAttribute('role', 'none');
        // Shown anew each time, so it goes above what the page put in the top layer since (the dialog opened again).
        leaveTopLayer();
        try {
          host.showPopover();
        } catch {
          // Refused (a document that is not fully active): the card still shows where the host is, under the page's styles.
        }
      }
      return api.show({
        ...request,
        onClose: () => {
          leaveTopLayer();
          request.onClose?.();
        },
      });
    },
    hide() {
      leaveTopLayer();
      api.hide();
    },
  };
}
