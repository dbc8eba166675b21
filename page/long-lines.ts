import type { TextBlock } from './text-walk';

/**
 * Longest line of unwrapped text (a `<pre>`, `white-space: nowrap`) whose
 * names are painted. Chromium paints a highlight range by laying out its
 * line from the start, and measures one the same way: on a line of 1 MB in a
 * `<pre>` (a dump, minified data), 100 ranges took 1.3 s to paint and 12,500
 * took 170 s, where the line alone takes 0.26 s; each measurement 18 ms. The
 * names there are found, counted, listed and hovered all the same; only their
 * highlight is left out. Wrapped text is laid out a line of the screen at a
 * time, however long its node: a paragraph of megabytes paints as usual.
 */
export const LONG_LINE_CHARS = 8 * 1024;

/**
 * Whether `block` holds a line longer than LONG_LINE_CHARS as the browser lays
 * it out: the block's element does not wrap its text, and the line is that
 * long between line breaks it keeps (none, where it collapses them).
 */
export function holdsLongUnwrappedLine(block: TextBlock): boolean {
  if (block.text.length <= LONG_LINE_CHARS) return false;
  const node = block.nodes[0]!;
  const element = node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host;
  const style = element && element.ownerDocument.defaultView?.getComputedStyle(element);
  if (!style) return false;
  // `white-space` is a shorthand of these two in current browsers; older ones know only it.
  const wrap = style.getPropertyValue('text-wrap-mode');
  const collapse = style.getPropertyValue('white-space-collapse');
  const whiteSpace = style.whiteSpace;
  if (wrap ? wrap !== 'nowrap' : whiteSpace !== 'pre' && whiteSpace !== 'nowrap') return false;
  const keepsBreaks = collapse ? collapse !== 'collapse' : whiteSpace === 'pre';
  return !keepsBreaks || longestLine(block.text) > LONG_LINE_CHARS;
}

function longestLine(text: string): number {
  let longest = 0;
  for (let from = 0; ; ) {
    const end = text.indexOf('\n', from);
    longest = Math.max(longest, (end < 0 ? text.length : end) - from);
    if (end < 0) return longest;
    from = end + 1;
  }
}
