/**
 * The page code under test, bundled alone (no extension APIs) and exposed to the
 * test page, so page behaviour is tested in real Chromium without the extension.
 */
import { matcherFrom } from '../../core/matcher/runtime';
import { decodeMatcher, type MatcherWire } from '../../core/matcher/wire';
import type { Matcher } from '../../core/matcher/types';
import { PageAnnotator } from '../../page/page-annotator';

/** Decodes the matcher the way the content script does. */
const matcher = (wire: MatcherWire): Matcher => matcherFrom(decodeMatcher(wire));

declare global {
  interface Window {
    backstoryHarness: { PageAnnotator: typeof PageAnnotator; matcher: typeof matcher };
  }
}

window.backstoryHarness = { PageAnnotator, matcher };
