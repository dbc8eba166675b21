import { expect, test } from './fixtures';

/** A log of 300,000 elements: a `<span>` round every other word, in one `<pre>`. */
const LOG = `<pre>${'the <span>talks</span> went <span>on</span> through <span>the</span> night\n'.repeat(100_000)}</pre>`;

test('whether a modal dialog is open is told at each press of the shortcut without matching every element of a large page', async ({ load }) => {
  // A query for :modal matched each of the page's elements at every press: 5.6-6.7 ms here.
  const page = await load(`${LOG}<dialog id="d">Kim Jong Un</dialog>`);
  const result = await page.evaluate(() => {
    const { modalOpen } = window.backstoryHarness;
    const dialog = document.getElementById('d') as HTMLDialogElement;
    const told: boolean[] = [modalOpen()];
    dialog.show();
    told.push(modalOpen());
    dialog.close();
    dialog.showModal();
    told.push(modalOpen());
    dialog.close();
    told.push(modalOpen());
    // Where a web component holds it, the document's :modal never found it.
    const host = document.createElement('div');
    document.body.append(host);
    const inner = document.createElement('dialog');
    host.attachShadow({ mode: 'open' }).append(inner);
    inner.showModal();
    told.push(modalOpen());
    inner.close();
    const took: number[] = [];
    for (let i = 0; i < 4; i++) {
      const began = performance.now();
      modalOpen();
      took.push(performance.now() - began);
    }
    return { told, elements: document.getElementsByTagName('*').length, next: Math.min(...took.slice(1)) };
  });
  expect(result.told).toEqual([false, false, true, false, false]);
  expect(result.elements).toBeGreaterThan(300_000);
  // The page's dialogs are a collection the browser keeps while its elements stay the same: asked again, they cost nothing.
  expect(result.next).toBeLessThan(1);
});

test('the frames a press of the shortcut walks are found among the page’s iframes without matching every element of a large page', async ({ load }) => {
  // A query for every kind of frame element (iframe, frame, object, embed) matched each of the page's elements at every press.
  const page = await load(`<iframe srcdoc="<p>Kim Jong Un</p>"></iframe>${LOG}<iframe srcdoc="<p>John Kirby</p>"></iframe>`);
  await expect.poll(() => page.frames().length).toBe(3);
  const result = await page.evaluate(() => {
    const { frameStops } = window.backstoryHarness;
    const iframes = [...document.getElementsByTagName('iframe')];
    const found = frameStops([1, 0]).map(({ frame, element }) => ({ frame, at: element ? iframes.indexOf(element as HTMLIFrameElement) : -1 }));
    const took: number[] = [];
    for (let i = 0; i < 4; i++) {
      const began = performance.now();
      frameStops([0, 1]);
      took.push(performance.now() - began);
    }
    // An embed showing a document: the elements are told by the query of all four, as before.
    const embed = document.createElement('embed');
    embed.src = 'data:text/html,<p>Japan</p>';
    embed.type = 'text/html';
    document.body.append(embed);
    return { found, next: Math.min(...took.slice(1)) };
  });
  expect(result.found).toEqual([
    { frame: 1, at: 1 },
    { frame: 0, at: 0 },
  ]);
  expect(result.next).toBeLessThan(1);
  await expect.poll(() => page.evaluate(() => window.length)).toBe(3);
  const withEmbed = await page.evaluate(() => window.backstoryHarness.frameStops([0, 1, 2]).map(({ element }) => element?.localName));
  expect(withEmbed).toEqual(['iframe', 'iframe', 'embed']);
});
