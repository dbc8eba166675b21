import { i18n } from '#i18n';
import type { Root } from 'react-dom/client';
import { shadowRootUiContext, type ScriptContext } from '../extension/script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CARD_HOST, CARD_HOST_ATTRIBUTE, registerCardApi, removeLeftoverCards, unregisterCardApi, type CardApi } from '../page/card-bridge';
import { connectCard, type CardMessages } from '../page/card-connections';
import { placedInPage } from '../page/card-placement';
import { yieldToPage } from '../page/scheduler';
import { ownHostName } from '../page/own-host-name';
import { markOwnHost } from '../page/own-hosts';
import cardCss from './card.css?inline';
import { mountCardApp } from './mount-card-app';

/**
 * The work of the card script (entrypoints/card): puts the card's host
 * into the page, mounts the card app in it, and connects it to the page and,
 * through `messages`, to the background. The top of that script: a failure to
 * start, and any later one the card app or its connections meet, ends here and
 * is logged; the start settles either way, as the background waits on it.
 */
export async function startCard(ctx: ScriptContext, messages: CardMessages): Promise<void> {
  try {
    // Each in a task of its own, none of them long: the script's evaluation (React's with it); the first look-up of
    // a message, which in Chrome waits for the browser to send the extension's messages (2-20 ms in the benchmark's
    // traces, inside the card's first render); the card's host with its React root; the render, in slices.
    await yieldToPage();
    i18n.t('extName');
    await yieldToPage();
    removeLeftoverCards();
    let api: CardApi | undefined;
    const ready = new Promise<CardApi>((resolve, reject) => {
      const ui = createShadowRootUi<Root>(shadowRootUiContext(ctx), {
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
    connectCard(ctx, await ready, messages, failed);
  } catch (error) {
    failed(error);
  }
}

function failed(error: unknown): void {
  console.warn('[Backstory] The card failed to load', error);
}
