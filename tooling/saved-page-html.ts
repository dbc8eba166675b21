/**
 * Saved pages for tests and the benchmark, without running their scripts:
 * offline they can only fail, and while they did they would hold up the load
 * (a render-blocking request at a time) and run timers inside measured windows.
 */

/** A saved page without its script elements: its DOM changes only if we change it. */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
}

/**
 * A saved page whose scripts stay in the DOM, text and all, but never run: a
 * type no browser runs comes first, and of two type attributes the parser
 * keeps the first. What reads a page's text meets the inline scripts (JSON
 * state, ad configuration) that real news pages carry, often more text than
 * their articles.
 */
export function inertScripts(html: string): string {
  return html.replace(/<script\b/gi, '<script type="text/x-inert"');
}
