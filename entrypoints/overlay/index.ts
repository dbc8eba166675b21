import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { OverlayPainter } from '../../page/overlay-painter';
import { registerOverlayPainter } from '../../page/overlay-bridge';

// Injected by the background only into frames of a browser without the Highlight API. Not a WXT content script, whose
// context would tell the page that it started (extension/script-context.ts).
export default defineUnlistedScript(() => {
  registerOverlayPainter((doc) => new OverlayPainter(doc));
});
