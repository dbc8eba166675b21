import { createMatchState } from '../core/matcher/state';
import type { Matcher, MatchState, Span } from '../core/matcher/types';
import { scanBlock } from './page-parts';
import { collectBlocks, mapSpanToNodes, type CollectOptions, type TextBlock } from './text-walk';

/** One mention on the page, as text node positions a Range or StaticRange can take. */
export interface PageMention {
  entityId: string;
  /** The pack alias that matched. */
  alias: string;
  /** The text as it stands on the page. */
  text: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** The open shadow root the mention is in, if it is in one. */
  shadowRoot?: ShadowRoot;
  /** On a line of unwrapped text too long to paint a highlight on (page/long-lines.ts): found, not painted. */
  longLine?: true;
}

export interface BlockSpan {
  block: TextBlock;
  span: Span;
}

/**
 * Scans blocks in order with one state, so an `after-full-name` alias counts
 * only after its full name appeared earlier on the same page.
 */
export function scanBlocks(blocks: readonly TextBlock[], matcher: Matcher, state: MatchState = createMatchState()): BlockSpan[] {
  const found: BlockSpan[] = [];
  for (const block of blocks) {
    for (const span of scanBlock(matcher, block, state)) found.push({ block, span });
  }
  return found;
}

export function toPageMention({ block, span }: BlockSpan): PageMention {
  const mention: PageMention = {
    entityId: span.entityId,
    alias: span.alias,
    text: block.text.slice(span.start, span.end),
    ...mapSpanToNodes(block, span.start, span.end),
  };
  if (block.shadowRoot) mention.shadowRoot = block.shadowRoot;
  return mention;
}

/** Every mention under `root`, in document order. Reads the DOM, never changes it. */
export function findMentions(
  root: Document | ShadowRoot | Element,
  matcher: Matcher,
  options?: CollectOptions,
): PageMention[] {
  return scanBlocks(collectBlocks(root, options), matcher).map(toPageMention);
}
