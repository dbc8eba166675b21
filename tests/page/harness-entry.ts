/**
 * The page code under test, bundled alone (no extension APIs) and exposed to the
 * test page, so page behaviour is tested in real Chromium without the extension.
 */
import { PageAnnotator } from '../../page/page-annotator';

declare global {
  interface Window {
    backstoryHarness: { PageAnnotator: typeof PageAnnotator };
  }
}

window.backstoryHarness = { PageAnnotator };
