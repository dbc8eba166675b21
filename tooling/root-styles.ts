/**
 * Runs in the page (passed to a test driver's `evaluate`, so it closes over
 * nothing): what a page reads of the styles on its root element, as a site
 * probing for installed extensions would. Every custom property its root has
 * (the computed style lists them after the standard ones), with its value, and
 * the text of every rule the page can reach through its own style sheets and
 * adopted ones that names Backstory. An extension's sheets are not among the
 * page's, but what they give its elements is read like any other style.
 */
export function rootStylesInPage(): { customProperties: Record<string, string>; rulesNamingUs: string[] } {
  // No helper functions in here: tsx would wrap named ones in a helper the page does not have.
  const style = getComputedStyle(document.documentElement);
  const customProperties: Record<string, string> = {};
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    if (name.startsWith('--')) customProperties[name] = style.getPropertyValue(name).trim();
  }
  // The property the sheet on every page once set, read by name too: an enumeration that missed it would prove nothing.
  const named = style.getPropertyValue('--backstory-card-visibility').trim();
  if (named) customProperties['--backstory-card-visibility'] = named;
  const rulesNamingUs: string[] = [];
  for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      // Another origin's sheet: what the page cannot read either.
      continue;
    }
    for (const rule of rules) if (/backstory/i.test(rule.cssText)) rulesNamingUs.push(rule.cssText);
  }
  return { customProperties, rulesNamingUs };
}
