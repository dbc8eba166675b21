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
