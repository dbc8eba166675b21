import type { Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import cardCss from '../../components/card.css?inline';
import { mountCardApp } from '../../components/mount-card-app';
import { CARD_START_KEY } from '../../extension/card-keys';
import { cardMessages } from '../../extension/card-messages';
import { leaveStart } from '../../extension/script-start';
import { CARD_HOST, CARD_HOST_ATTRIBUTE, registerCardApi, removeLeftoverCards, unregisterCardApi, type CardApi } from '../../page/card-bridge';
import { connectCard } from '../../page/card-connections';
import { placedInPage } from '../../page/card-placement';
import { ownHostName } from '../../page/own-host-name';
import { markOwnHost } from '../../page/own-hosts';

// Imported by the background into frames with mentions (idle after the scan), and before a command reaches the page (extension/inject-card-ui.ts).
export default defineContentScript({
  registration: 'runtime',
  // WXT would also tell the page's own window that the script started: its listeners would run for it.
  noScriptStartedPostMessage: true,
  cssInjectionMode: 'manual',
  main(ctx) {
    // Imported as a module, the script cannot return its start to the background: it leaves it to be waited on.
    return leaveStart(CARD_START_KEY, startCard(ctx));
  },
});

async function startCard(ctx: ContentScriptContext): Promise<void> {
  try {
    removeLeftoverCards();
    let api: CardApi | undefined;
    const ready = new Promise<CardApi>((resolve, reject) => {
      const ui = createShadowRootUi<Root>(ctx, {
        name: ownHostName(CARD_HOST),
        position: 'inline',
        // Beside the body, not in it: a body with a transform (or `contain: paint`) would hold the fixed card
        // inside its own box, off screen, and one the page replaces would take the card with it.
        anchor: document.documentElement,
        mode: 'closed',
        css: cardCss,
        onMount(container, _shadow, host) {
          const adopt = (next: CardApi) => {
            api = placedInPage(next, host);
            registerCardApi(api);
            return api;
          };
          const mounted = mountCardApp(container, adopt, failed);
          mounted.ready.then(resolve, reject);
          return mounted.root;
        },
        onRemove(root) {
          if (api) unregisterCardApi(api);
          root?.unmount();
        },
      });
      ui.then((made) => {
        // Before it is in the page: the page script's observer sees it come in as ours.
        markOwnHost(made.shadowHost);
        made.shadowHost.setAttribute(CARD_HOST_ATTRIBUTE, '');
        made.mount();
      }).catch(reject);
    });
    connectCard(ctx, await ready, cardMessages, failed);
  } catch (error) {
    failed(error);
  }
}

function failed(error: unknown): void {
  console.warn('[Backstory] The card failed to load', error);
}
