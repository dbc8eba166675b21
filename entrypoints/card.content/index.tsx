import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CardApp } from '../../components/CardApp';
import cardCss from '../../components/card.css?inline';
import { registerCardApi, unregisterCardApi, type CardApi } from '../../page/card-bridge';
import { startInteraction } from '../../page/interaction';
import { getPageBridge } from '../../page/page-bridge';

// Injected by the background into frames where mentions were found (in idle time after the
// scan), and before a command from the popup or the keyboard reaches the page.
export default defineContentScript({
  registration: 'runtime',
  // WXT would also tell the page's own window that the script started: its listeners would run for it.
  noScriptStartedPostMessage: true,
  cssInjectionMode: 'manual',
  async main(ctx) {
    try {
      let api: CardApi | undefined;
      const ready = new Promise<void>((resolve) => {
        const ui = createShadowRootUi<Root>(ctx, {
          name: 'backstory-card',
          position: 'inline',
          mode: 'closed',
          css: cardCss,
          onMount(container) {
            const root = createRoot(container);
            root.render(
              <CardApp
                onReady={(next) => {
                  api = next;
                  registerCardApi(next);
                  resolve();
                }}
              />,
            );
            return root;
          },
          onRemove(root) {
            if (api) unregisterCardApi(api);
            root?.unmount();
          },
        });
        void ui.then((mounted) => mounted.mount());
      });
      await ready;
      const page = getPageBridge();
      // Without the page script (it failed, or Backstory is not running in this frame) there is nothing to hover.
      if (page && api) startInteraction(ctx, page, api);
    } catch (error) {
      console.warn('[Backstory] The card failed to load', error);
    }
  },
});
