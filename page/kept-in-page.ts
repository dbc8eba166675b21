import type { CardApi } from './card-bridge';

/**
 * The card's API, putting the card's host back into the page before a card
 * shows when the page took it out: a page that replaces its document
 * (document.open and write) takes the host with the old one. Moved, the host
 * keeps its shadow root and the React tree in it.
 */
export function keptInPage(api: CardApi, host: HTMLElement): CardApi {
  return {
    ...api,
    show(request) {
      if (!host.isConnected) document.documentElement.append(host);
      api.show(request);
    },
  };
}
