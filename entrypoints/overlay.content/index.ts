import { defineContentScript } from 'wxt/utils/define-content-script';
import { OverlayPainter } from '../../page/overlay-painter';
import { registerOverlayPainter } from '../../page/overlay-bridge';

// Injected by the background only into frames of a browser without the Highlight API.
export default defineContentScript({
  registration: 'runtime',
  // WXT would also tell the page's own window that the script started: its listeners would run for it.
  noScriptStartedPostMessage: true,
  main() {
    registerOverlayPainter((doc) => new OverlayPainter(doc));
  },
});
