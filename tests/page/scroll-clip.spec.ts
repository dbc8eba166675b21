import { expect, test } from './fixtures';

/**
 * A card follows its name out of view in a panel with its own scroll bar; a
 * component's panel draws its light children through a slot, and scrolls them as its own.
 */
test('a name slotted into a component’s own scrolling panel is out of view once the panel scrolls it away', async ({ load }) => {
  const page = await load(`<!doctype html><html lang="en"><body>
    <x-feed id="feed"><p id="first" style="margin:0;height:40px">Vladimir Putin arrived.</p><p style="height:400px">Later posts.</p>
      <p id="far">Kim Jong Un replied.</p></x-feed></body></html>`);
  const place = () =>
    page.evaluate(() => {
      const { placeInScrollers, outOfScrollers } = window.backstoryHarness;
      return ['first', 'far'].map((id) => {
        const element = document.getElementById(id)!;
        const range = document.createRange();
        range.selectNodeContents(element.firstChild!);
        const { x, y, width, height } = range.getBoundingClientRect();
        const box = { x, y, width, height };
        return { place: placeInScrollers(element, box), out: outOfScrollers(element, box) };
      });
    });
  await page.evaluate(() => {
    document.getElementById('feed')!.attachShadow({ mode: 'open' }).innerHTML = '<div id="panel" style="height:120px;overflow:auto"><slot></slot></div>';
  });
  expect(await place()).toEqual([
    { place: 'in', out: false },
    { place: 'below', out: true },
  ]);
  await page.evaluate(() => document.getElementById('feed')!.shadowRoot!.getElementById('panel')!.scrollBy(0, 1000));
  expect(await place()).toEqual([
    { place: 'elsewhere', out: true },
    { place: 'in', out: false },
  ]);
});

test('a name slotted straight into a component’s scrolling panel, with no element of its own, is out of view once the panel scrolls it away', async ({ load }) => {
  const page = await load(`<!doctype html><html lang="en"><body><x-feed id="feed">Vladimir Putin arrived.</x-feed></body></html>`);
  await page.evaluate(() => {
    document.getElementById('feed')!.attachShadow({ mode: 'open' }).innerHTML =
      '<div id="panel" style="height:60px;overflow:auto"><slot></slot><p style="height:400px"></p></div>';
  });
  const out = () =>
    page.evaluate(() => {
      const { outOfScrollers, drawnParent } = window.backstoryHarness;
      const text = document.getElementById('feed')!.firstChild as Text;
      const range = document.createRange();
      range.selectNodeContents(text);
      const { x, y, width, height } = range.getBoundingClientRect();
      // What the card following the name and the shortcut's reveal start from.
      return outOfScrollers(drawnParent(text)!, { x, y, width, height });
    });
  expect(await out()).toBe(false);
  await page.evaluate(() => document.getElementById('feed')!.shadowRoot!.getElementById('panel')!.scrollBy(0, 1000));
  expect(await out()).toBe(true);
});
