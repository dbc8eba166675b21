import { expect, test } from './fixtures';

/** Tab past a card's last control goes on to the control Tab would reach from the name itself. */
test('the control after a name is the one Tab reaches from there: not one before it, nor one the reader cannot reach', async ({ load }) => {
  const page = await load(`<!doctype html><html lang="en"><body>
    <p><a href="#before">Before</a> Kim Jong Un arrived. <a id="no-href">no address</a>
      <button disabled>Disabled</button> <span tabindex="-1">Skipped by Tab</span>
      <a href="#gone" style="display:none">Not drawn</a> <a href="#unseen" style="visibility:hidden">Hidden</a>
      <span inert><a href="#inert">Inert</a></span> <input type="hidden" name="h">
      <details><summary>More</summary><a href="#folded">Folded</a></details></p>
    <p>Vladimir Putin spoke. <span tabindex="0">A focusable span</span></p>
    <p>Pyongyang welcomed him. <span contenteditable="true"><b>editable</b></span></p>
    <div id="host"></div>
    <p>Russia <a href="#after-shadow">After the component</a></p>
    <p>South Korea has no control after it.</p></body></html>`);
  const found = await page.evaluate(() => {
    const { tabStopAfter } = window.backstoryHarness;
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Seoul reacted.</p>';
    const textOf = (text: string): Node => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent!.includes(text)) return node;
      return shadow.querySelector('p')!.firstChild!;
    };
    const named = (element: HTMLElement | null) => element && (element.textContent || element.localName);
    return [' Kim Jong Un arrived', 'Vladimir Putin spoke', 'Pyongyang welcomed', 'Seoul reacted', 'South Korea'].map((text) => named(tabStopAfter(textOf(text))));
  });
  expect(found).toEqual(['More', 'A focusable span', 'editable', 'After the component', null]);
});
