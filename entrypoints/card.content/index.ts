import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCard } from '../../components/start-card';
import { CARD_START_KEY } from '../../extension/card-keys';
import { cardMessages } from '../../extension/card-messages';
import { leaveStart } from '../../extension/script-start';

// Imported by the background into frames with mentions (idle after the scan), and before a command reaches the page (extension/inject-card-ui.ts).
export default defineContentScript({
  registration: 'runtime',
  // WXT would also tell the page's own window that the script started: its listeners would run for it.
  noScriptStartedPostMessage: true,
  cssInjectionMode: 'manual',
  main(ctx) {
    // Imported as a module, the script cannot return its start to the background: it leaves it to be waited on.
    // Its failures are caught at its top (components/start-card.ts).
    return leaveStart(CARD_START_KEY, startCard(ctx, cardMessages));
  },
});
