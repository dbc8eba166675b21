import type { EarlyTap } from './early-tap';
import type { PageAnnotator } from './page-annotator';
import type { TapPress } from './tap-gesture';

/**
 * How the card script, injected later into frames with mentions, reaches the
 * page script's annotator: both run in the extension's isolated world and meet
 * on a global the web page's own scripts cannot see.
 */
export interface PageBridge {
  annotator: PageAnnotator;
  /** Mentions per entity found so far, all categories. */
  counts(): ReadonlyMap<string, number>;
  /**
   * Where the pointer last was, a reader may rest it on a name before the card script arrives, and whether it moved
   * there since the page last scrolled; none once it left the window or went into an embedded frame.
   */
  pointer(): { x: number; y: number; moved: boolean } | undefined;
  /**
   * The reader's tap before the card script arrived, recent enough to open its card, and a press still down then (whose
   * lift the card script sees): given once, to the card script as it starts.
   */
  takeTap(): { tap: EarlyTap | undefined; pressing: TapPress | undefined };
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
const WAITING = Symbol.for('backstory.page.waiting');
type Holder = { [KEY]?: PageBridge; [WAITING]?: ((bridge: PageBridge) => void)[] };

export function registerPageBridge(bridge: PageBridge): () => void {
  const holder = globalThis as Holder;
  holder[KEY] = bridge;
  const waiting = holder[WAITING] ?? [];
  delete holder[WAITING];
  for (const waiter of waiting) waiter(bridge);
  return () => {
    if (holder[KEY] === bridge) delete holder[KEY];
  };
}

export function getPageBridge(): PageBridge | undefined {
  return (globalThis as Holder)[KEY];
}

/**
 * Calls `use` with the page script's bridge, now or once the page script
 * registers it: a command from the popup or the keyboard puts the card script
 * into a frame before any name is there (a live page before its first post
 * naming the story), and the annotator comes only when one is.
 */
export function whenPageBridge(use: (bridge: PageBridge) => void, onError: (error: unknown) => void): void {
  // Run later from the page script's start, a failure must reach the card script's own report, not the annotator's start.
  const guarded = (bridge: PageBridge) => {
    try {
      use(bridge);
    } catch (error) {
      onError(error);
    }
  };
  const holder = globalThis as Holder;
  const bridge = holder[KEY];
  if (bridge) guarded(bridge);
  else (holder[WAITING] ??= []).push(guarded);
}
