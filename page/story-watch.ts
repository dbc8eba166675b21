import { shadowRootOf } from './composed-order';
import { whenParsed } from './page-lifecycle';
import type { PageScreen, VisitShadowRoot } from './page-screen';
import { yieldToPage } from './scheduler';
import { holdsText } from './holds-text';
import { laidOutBlock } from './laid-out-block';
import { closestBlock, isBlockElement, isSkippedTag } from './text-walk';
import { UpgradeWatch } from './upgrade-watch';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
/** Changes are screened in idle time, at the latest this long after they happened. */
const SCREEN_TIMEOUT_MS = 500;
/** After screening changes, the next changes wait this many times as long as that took: a page that never stops changing gets a share of our time. */
const REST_FACTOR = 3;
/** More changes than this before they are screened: the whole page is screened instead. */
const MAX_CHANGES = 200;
/** Content shown (`hidden` taken away) may bring a name: the attributes the walk reads by (mutation-watcher.ts). */
const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: ['hidden', 'contenteditable'] };

/**
 * Waits until the document may mention the story, then calls `onNames` once.
 * The page is screened once its HTML is parsed, then every block the page
 * changes, in idle time; a page that never shows a name never hears from
 * Backstory again, and no message ever leaves it. Returns `stop`.
 *
 * The open shadow roots the screen reads (those of custom elements) are
 * watched too, as what changes in them reaches no observer of the document;
 * and as a custom element gets its shadow root only once its script has
 * defined it, those still undefined when the page was parsed or a change was
 * screened are looked at again once the page has loaded, and for a while
 * after (upgrade-watch.ts).
 *
 * `onReadWithoutNames`: the page as first parsed was read to its end without a
 * name, once (the page may still bring one later). `cutOff`: whether the
 * extension was unloaded since (extension/extension-unloaded.ts), asked before
 * changes are screened: a copy cut off from it stops watching.
 */
export function watchForStoryNames(
  screen: PageScreen,
  onNames: () => void,
  onError: (error: unknown) => void,
  onReadWithoutNames: () => void = () => {},
  cutOff: () => boolean = () => false,
): () => void {
  let pending: MutationRecord[] = [];
  let whole = false;
  let idle = 0;
  let rest = 0;
  let stopped = false;
  /** Changed blocks are being screened, pausing between pieces of a large one: changes meanwhile wait for it. */
  let screeningBlocks = false;
  let allowedAt = 0;
  /** A screening of the whole page is under way, pausing between its pieces: it reads the page again if `whole` is set meanwhile. */
  let screeningWhole = false;

  const observer = new MutationObserver((records) => {
    // Only kept here: what changed is screened in idle time, off the page's own task.
    const changes = records.filter(mayBringName);
    if (changes.length === 0) return;
    // A new root element (document.open and write): the whole page is new.
    if (whole || pending.length + changes.length > MAX_CHANGES || changes.some((record) => record.target.nodeType === DOCUMENT_NODE)) {
      whole = true;
      pending = [];
    } else pending.push(...changes);
    if (!(whole && screeningWhole)) schedule();
  });

  function schedule(): void {
    if (idle || rest || screeningBlocks || stopped) return;
    const wait = allowedAt - performance.now();
    if (wait <= 0) idle = requestIdleCallback(screenChanges, { timeout: SCREEN_TIMEOUT_MS });
    else
      rest = setTimeout(() => {
        rest = 0;
        schedule();
      }, wait) as unknown as number;
  }

  const watched = new WeakSet<ShadowRoot>();
  /** Watched shadow roots that changed while their host was out of the document: read when it is back. */
  const changedAway = new WeakSet<ShadowRoot>();
  /** Screens and watches a shadow root the first time it is met; later changes in it are records of their own. */
  const visit = (shadow: ShadowRoot): boolean => {
    if (watched.has(shadow)) return changedAway.delete(shadow);
    watched.add(shadow);
    observer.observe(shadow, OPTIONS);
    return true;
  };
  /** For a screening of the whole page: the shadow roots watched already may have changed too. */
  const visitAll = (shadow: ShadowRoot): boolean => {
    visit(shadow);
    return true;
  };

  const upgrades = new UpgradeWatch(
    document,
    (_host, shadow) => {
      if (visit(shadow) && screen.mayMention(shadow, visit)) found();
    },
    SCREEN_TIMEOUT_MS,
  );

  /** Undefined custom elements in what was screened without a name: looked at again later (a stopped watch takes none). */
  const onUndefined = (elements: Iterable<Element>) => upgrades.add(elements);

  function stop(): void {
    stopped = true;
    observer.disconnect();
    upgrades.stop();
    if (idle) cancelIdleCallback(idle);
    clearTimeout(rest);
  }

  function found(): void {
    stop();
    onNames();
  }

  /**
   * Screens the whole page, a piece at a time on a large one, and again for as
   * long as the page changed a lot meanwhile: after a rest, as after changed
   * blocks. A page that changes hundreds of nodes at every tick of its clock
   * (a table of prices) had it read back to back, a core kept busy on a page
   * without a name.
   */
  async function screenWhole(root: Element, visitFirst: VisitShadowRoot, first = false): Promise<void> {
    screeningWhole = true;
    let began = performance.now();
    try {
      let visitRoot = visitFirst;
      do {
        whole = false;
        // Stopped meanwhile (a name found in a change, or the extension gone): the rest is not read. A read after the
        // first asks after the extension between pieces too (the first asks nothing: the API's first touch costs).
        const cancelled = () => stopped || (!first && cutOff());
        const named = await screen.mayMentionInPieces(root, { visit: visitRoot, pause: yieldToPage, cancelled, onUndefined });
        if (cancelled()) {
          stop();
          return;
        }
        if (named) {
          found();
          return;
        }
        visitRoot = visitAll;
        if (whole && !stopped) {
          await new Promise((done) => setTimeout(done, (performance.now() - began) * REST_FACTOR));
          began = performance.now();
        }
      } while (whole && !stopped);
      if (!stopped) readOnce();
    } finally {
      screeningWhole = false;
      // Not after the first read: an article its app renders once the page is parsed is screened as it comes.
      if (!first) allowedAt = performance.now() + (performance.now() - began) * REST_FACTOR;
      if (pending.length > 0 && !stopped) schedule();
    }
  }

  let read = false;
  function readOnce(): void {
    if (read) return;
    read = true;
    onReadWithoutNames();
  }

  function screenChanges(): void {
    idle = 0;
    const root = pageRoot();
    const records = pending;
    const all = whole;
    pending = [];
    if (!root || stopped) return;
    if (cutOff()) {
      stop();
      return;
    }
    if (all) {
      if (!screeningWhole) screenWhole(root, visitAll).catch(onError);
      return;
    }
    const blocks = new Set<Element | ShadowRoot>();
    for (const record of records) {
      // A removal that joined the text around it is read where it happened.
      const nodes = record.type === 'characterData' || record.addedNodes.length === 0 ? [record.target] : [...record.addedNodes];
      for (const node of nodes) {
        // The block around the change: an insertion may complete a name the block already began.
        const shadow = shadowRootOf(node);
        if (!node.isConnected) {
          // A list item the page re-renders while it is out of the document, say.
          if (shadow) changedAway.add(shadow);
          continue;
        }
        let block: Element | ShadowRoot | null = closestBlock(node, shadow ?? root);
        // Blocks are told by tag name: text in a custom element laid out as a block (an app's <live-clock>) had the
        // whole page read for it. Its layout tells, for such a change only.
        if (block === root) block = laidOutBlock(node, root) ?? root;
        if (block) blocks.add(block);
      }
    }
    // A change right under <body> has the whole page screened again: a piece at a time, as at first. One under way
    // reads it again when it is done (it may have passed the change): the changes are not dropped.
    if (blocks.has(root)) {
      if (!screeningWhole) screenWhole(root, visitAll).catch(onError);
      else whole = true;
      return;
    }
    screenBlocks([...blocks]).catch(onError);
  }

  /** Screens the blocks that changed, a large one (an app's one <div>) a piece at a time. */
  async function screenBlocks(blocks: (Element | ShadowRoot)[]): Promise<void> {
    screeningBlocks = true;
    const began = performance.now();
    try {
      for (const block of blocks) {
        const named =
          block.nodeType === ELEMENT_NODE
            ? await screen.mayMentionInPieces(block as Element, { visit, pause: yieldToPage, cancelled: () => stopped, onUndefined })
            : screen.mayMention(block, visit);
        if (stopped) return;
        if (named) {
          found();
          return;
        }
        if (block.nodeType !== ELEMENT_NODE) onUndefined(block.querySelectorAll(':not(:defined)'));
      }
    } finally {
      screeningBlocks = false;
      allowedAt = performance.now() + (performance.now() - began) * REST_FACTOR;
      if (pending.length > 0 || whole) schedule();
    }
  }

  whenParsed(document, () => {
    const root = pageRoot();
    if (stopped) return;
    if (!root) {
      readOnce();
      return;
    }
    // Watched from the start: what the page changes while a large page is read comes back to be read.
    // The document itself: a page may replace its body (Turbo) or its root element (document.open and write),
    // and the new one is screened.
    observer.observe(document, OPTIONS);
    screenWhole(root, visit, true).catch(onError);
  });
  return stop;
}

/**
 * Whether a change may have brought a name: new text, or text joined where
 * something between two runs of it was taken out ("John <i>(updated)</i>Kirby").
 * Nodes without text bring none (pages add and remove empty slots and textless
 * wrappers all the time), and whatever fills them later is a change of its
 * own. An element with a hyphen in its name may bring a shadow root, which the
 * screen reads with its host's block.
 */
function mayBringName(record: MutationRecord): boolean {
  if (record.type === 'characterData') return true;
  if (record.type === 'attributes') return holdsText(record.target);
  for (const node of record.addedNodes) if (holdsText(node)) return true;
  return (
    record.removedNodes.length > 0 && joinsText(record.previousSibling, 'previousSibling') && joinsText(record.nextSibling, 'nextSibling')
  );
}

/**
 * Whether the text on one side of a removal runs on to where it happened: text,
 * or an element that does not start a block. Spaces alone join nothing (the
 * spaces between a page's blocks come and go with them): what stands beyond
 * them decides.
 */
function joinsText(node: Node | null, away: 'previousSibling' | 'nextSibling'): boolean {
  while (node && node.nodeType === TEXT_NODE && (node as Text).data.trim() === '') node = node[away];
  if (!node) return false;
  if (node.nodeType === TEXT_NODE) return true;
  return node.nodeType === ELEMENT_NODE && !isBlockElement(node) && !isSkippedTag((node as Element).localName);
}

function pageRoot(): Element | null {
  return document.body ?? document.documentElement;
}
