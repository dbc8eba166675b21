import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CardApp } from '../../components/CardApp';
import cardCss from '../../components/card.css?inline';
import { getCardApi, registerCardApi, unregisterCardApi, type CardApi } from '../../page/card-bridge';

// Injected by the background only into frames with mentions, the first time a card opens.
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (getCardApi()) return;
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
    } catch (error) {
      console.warn('[Backstory] The card failed to load', error);
    }
  },
});
