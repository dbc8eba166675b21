import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startCard } from '../../components/start-card';
import { CARD_START_KEY } from '../../extension/card-keys';
import { cardMessages } from '../../extension/card-messages';
import { ScriptContext } from '../../extension/script-context';
import { leaveStart } from '../../extension/script-start';

// Imported by the background into frames with mentions (idle after the scan), and before a command reaches the page
// (extension/inject-card-ui.ts). Not a WXT content script, for the page's sake (extension/script-context.ts).
export default defineUnlistedScript(() => {
  // Imported as a module, the script cannot return its start to the background: it leaves it to be waited on.
  // Its failures are caught at its top (components/start-card.ts).
  return leaveStart(CARD_START_KEY, startCard(new ScriptContext(), cardMessages));
});
