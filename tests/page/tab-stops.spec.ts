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

test('past a name, Tab goes into the components after it: their shadow controls, and the light ones in their slots, in the order drawn', async ({ load }) => {
  const page = await load(`<!doctype html><html lang="en"><body>
    <p id="plain">Vladimir Putin spoke.</p><x-btn id="button-host"></x-btn>
    <p id="slotted">Kim Jong Un replied.</p><x-panel id="panel-host"><a id="light" href="#light">Light link</a></x-panel>
    <p id="empty">Russia agreed.</p><x-empty id="empty-host"><a id="unslotted" href="#unslotted">Not drawn</a></x-empty>
    <a id="later" href="#later">Later</a></body></html>`);
  const found = await page.evaluate(() => {
    const { tabStopAfter } = window.backstoryHarness;
    document.getElementById('button-host')!.attachShadow({ mode: 'open' }).innerHTML = '<span><button id="inner">Inner</button></span>';
    // The slot comes before the panel's own button: Tab goes to the light link in the slot first.
    document.getElementById('panel-host')!.attachShadow({ mode: 'open' }).innerHTML = '<div><slot></slot><button id="panel-button">Panel</button></div>';
    // A component with no slot draws none of its light children: Tab never reaches them.
    document.getElementById('empty-host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>No controls</p>';
    const after = (id: string) => tabStopAfter(document.getElementById(id)!.firstChild!)?.id ?? null;
    return { plain: after('plain'), slotted: after('slotted'), empty: after('empty') };
  });
  // What the browser's own Tab does from there, for the same page: the function must agree with it.
  const tabbed: Record<string, string> = {};
  for (const id of ['plain', 'slotted', 'empty']) {
    // A click on the name's line is where the browser's Tab starts from.
    const box = await page.evaluate((id) => {
      (document.activeElement as HTMLElement | null)?.blur();
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(id)!.firstChild!);
      const { right, top, height } = range.getBoundingClientRect();
      return { x: right - 2, y: top + height / 2 };
    }, id);
    await page.mouse.click(box.x, box.y);
    await page.keyboard.press('Tab');
    tabbed[id] = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.id || active?.textContent || '';
    });
  }
  expect(found).toEqual({ plain: 'inner', slotted: 'light', empty: 'later' });
  expect(tabbed).toEqual(found);
});
