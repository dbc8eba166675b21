/**
 * The tag name for one of our hosts (the card's, the overlay's): `name`, unless
 * the page defined a custom element of that name. Ours would then be made by
 * the page's class: one that attaches a shadow root of its own leaves none to
 * attach for our UI (NotSupportedError, and nothing shows), others would render
 * into it. A name of our own making instead, which the page has not defined.
 */
export function ownHostName(name: string, doc: Document = document): string {
  let free = name;
  while (definedByPage(doc, free)) free = `${name}-${Math.random().toString(36).slice(2, 10)}`;
  return free;
}

/**
 * Content scripts see no registry of the page's (Chromium gives them none),
 * but an element made by a defined name is upgraded as it is made: its
 * constructor runs once for an element that is then dropped.
 */
function definedByPage(doc: Document, name: string): boolean {
  try {
    return doc.createElement(name).matches(':defined');
  } catch {
    // The page's constructor threw: the name is the page's all the same.
    return true;
  }
}
