/**
 * A site's menus: its navigation ("World · Asia · China · Russia"),
 * breadcrumbs, menu bars. Their names are the site's sections, not what the
 * page says: highlighted and counted, they would tell a reader that every
 * page of a news site speaks of Russia. The text walk skips them as it skips
 * other parts that are not the page's content.
 *
 * Some sites put stories in their menus (a ribbon of headlines, a mega menu's
 * teasers) or a navigation role on a wrapper of the whole page: a menu
 * holding an article or the page's main content is read like any other part.
 */

/** Menus marked by role; `<nav>` by its tag. */
export const MENU_ROLES = '[role=navigation],[role=menu],[role=menubar]';

const CONTENT = 'article,[role=article],main,[role=main]';

/** Whether `el`, a `<nav>` or an element of a menu role, is a menu the walk skips: one holding no content. */
export function isMenu(el: Element): boolean {
  return el.querySelector(CONTENT) === null;
}

/*
 * Many sites mark no menu at all: CNN's edition switcher ("International + U.S.")
 * is two links in a <span> of its <header>, the New York Times' sections a plain
 * list in its. What tells them is where they stand and what they are: links of
 * a word or two, on their own, in the site's header or footer. A headline there
 * (a breaking-news bar, the story's title in a sticky masthead) is a heading, an
 * article or a sentence, and a name linked inside a sentence is part of it: those
 * are read.
 */

/** The site's header and footer by role; `<header>` and `<footer>` by their tags (isSiteHeaderOrFooter). */
export const SITE_ROLES = '[role=banner],[role=contentinfo]';

/**
 * Where a `<header>` or `<footer>` is a part's own, not the site's: an article's
 * header is its title and byline, a section's its heading (as a screen reader
 * tells the page's banner and content info from them).
 */
const SECTIONING = 'article,aside,main,nav,section,[role=article],[role=complementary],[role=main],[role=navigation],[role=region]';

/** Where a link in the site's header or footer is a headline or a story's: read. */
const HEADLINE = 'h1,h2,h3,h4,h5,h6,[role=heading],article,[role=article]';

/** The most words a menu's link holds: "U.S.", "International +", "Middle East"; a headline says more. */
const MENU_LINK_WORDS = 2;

const WORD = /\S*[\p{L}\p{N}]\S*/gu;
const LETTER = /[\p{L}\p{N}]/u;

/** Whether `el`, a `<header>` or `<footer>` (by `tag`), is the site's own: in no article, aside, main, nav or section. */
export function isSiteHeaderOrFooterTag(el: Element, tag: string): boolean {
  return (tag === 'header' || tag === 'footer') && !el.parentElement?.closest(SECTIONING);
}

function isSiteHeaderOrFooter(el: Element): boolean {
  return isSiteHeaderOrFooterTag(el, el.localName) || el.matches(SITE_ROLES);
}

/** Whether `link`, an `<a>` in the site's header or footer, is an item of its menu: a word or two of its own, no headline. */
export function isMenuLink(link: Element): boolean {
  if (link.closest(HEADLINE)) return false;
  WORD.lastIndex = 0;
  const text = link.textContent ?? '';
  for (let words = 0; WORD.exec(text); ) if (++words > MENU_LINK_WORDS) return false;
  for (let node = link.parentNode?.firstChild; node; node = node.nextSibling) {
    // Text beside the link in its parent: a sentence the link is a part of ("Breaking: <a>Putin</a> lands in Pyongyang").
    if (node.nodeType === 3 && LETTER.test((node as Text).data)) return false;
  }
  return true;
}

/** Whether `el`, an `<a>`, is an item of the menu of the site's header or footer around it (isMenuLink). */
export function isSiteMenuLink(el: Element): boolean {
  for (let at = el.parentElement?.closest(`header,footer,${SITE_ROLES}`); at; at = at.parentElement?.closest(`header,footer,${SITE_ROLES}`)) {
    if (isSiteHeaderOrFooter(at)) return isMenuLink(el);
  }
  return false;
}
