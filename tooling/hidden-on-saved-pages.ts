/**
 * Mentions that the Node walk (npm run mentions) finds on the saved news pages
 * of ../shared/pages in parts the pages' own styles hide, by page and entity:
 * the popup does not list them (page/seen-counts.ts). As the tests load the
 * pages, with their scripts inert and nothing from elsewhere: only the styles
 * the page carries in itself apply. Held to what Chromium shows by
 * tests/page/seen-counts.spec.ts.
 */
export const HIDDEN_ON_SAVED_PAGES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  // A newsletter form kept at display: none, its country picker set to the United States.
  'iab-1.html': { 'united-states': 1 },
  // A video's title on the player's splash and pause screens, hidden until they show.
  'yahoo-3.html': { 'united-states': 2 },
};
