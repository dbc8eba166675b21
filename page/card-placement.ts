import type { CardApi } from './card-bridge';

/**
 * The card's API, putting the card's host where the card can show before it
 * does. Beside the body, normally. Inside the top-layer element its name is
 * in (a modal dialog, a popover), and itself a popover there: outside a modal
 * dialog it would be inert and drawn under it, and a popover is drawn above
 * the dialog, clear of its transforms and overflow. Back in the page when the
 * page took it out: one that replaces its document (document.open and write)
 * takes the host with the old one. Moved, the host keeps its shadow root and
 * the React tree in it.
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
      if (request.layer && typeof host.showPopover === 'function') {
        host.setAttribute('popover', 'manual');
        // Shown anew each time, so it goes above what the page put in the top layer since (the dialog opened again).
        leaveTopLayer();
        host.showPopover();
      } else if (host.hasAttribute('popover')) {
        host.removeAttribute('popover');
      }
      api.show({
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
