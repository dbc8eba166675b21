import type { PageAnnotator } from './page-annotator';

/**
 * How the card script, injected later into frames with mentions, reaches the
 * page script's annotator: both run in the extension's isolated world and meet
 * on a global the web page's own scripts cannot see.
 */
export interface PageBridge {
  annotator: PageAnnotator;
  /** Mentions per entity found so far, all categories. */
  counts(): ReadonlyMap<string, number>;
  /** Where the pointer last was: a reader may rest it on a name before the card script arrives. */
  pointer(): { x: number; y: number } | undefined;
  /**
   * Calls `listener` after anything that changes which mentions exist or are
   * shown: a scan or rescan, a settings change, a single-page-app navigation.
   * Returns the unsubscribe function.
   */
  subscribe(listener: (change: PageChange) => void): () => void;
}

/** `document`: the page wrote a new document (document.open), which erased every listener on the window. */
export type PageChange = 'mentions' | 'navigation' | 'document';

const KEY = Symbol.for('backstory.page');
type Holder = { [KEY]?: PageBridge };

export function registerPageBridge(bridge: PageBridge): () => void {
  (globalThis as Holder)[KEY] = bridge;
  return () => {
    if ((globalThis as Holder)[KEY] === bridge) delete (globalThis as Holder)[KEY];
  };
}

export function getPageBridge(): PageBridge | undefined {
  return (globalThis as Holder)[KEY];
}
