import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { paintedTexts } from '../../tooling/painted-texts';
import { stopServiceWorker, watchServiceWorker } from '../../tooling/service-worker';
import { liveScorePage } from '../../tooling/web-component-page';
import { shadowUiBox, shadowUiCardTitle, shadowUiText } from './closed-shadow';
import { firstReadingDone } from './first-reading';
import { expect, paintedMentions, pointOfText, test } from './fixtures';

test('a page that adds an entry every 100 ms gets each new mention highlighted and hoverable', async ({
  page,
  server,
  pageErrors,
}) => {
  await page.goto(`${server.origin}/fixtures/live-feed.html`);
  await expect(page).toHaveTitle('feed done', { timeout: 15_000 });
  // 30 entries: John Kirby ×8, Kim Jong Un ×7, Japan ×7.
  await expect.poll(() => paintedMentions(page)).toBe(22);
  const point = await pointOfText(page, 'Kim Jong Un', 6);
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toContain('Kim Jong Un');
  expect(pageErrors).toEqual([]);
});

test('a single-page-app navigation starts the page over', async ({ page, server, pageErrors }) => {
  await page.goto(`${server.origin}/fixtures/single-page-app.html`);
  await expect.poll(() => paintedTexts(page)).toEqual(['John Kirby', 'U.S. National Security Council', 'Kirby']);
  await page.click('#next');
  await expect(page).toHaveURL(/second-view$/);
  // On the new view "Kirby" alone is no mention: the full name appeared only on the previous page.
  await expect.poll(() => paintedTexts(page)).toEqual(['Vietnam']);
  expect(pageErrors).toEqual([]);
});

/** The fewest names painted at the end of any task of the page's, from now for `ms`: a blink between two tasks is seen. */
function fewestPaintedFor(page: import('@playwright/test').Page, ms: number): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((done) => {
        const end = performance.now() + ms;
        let fewest = Infinity;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          fewest = Math.min(fewest, CSS.highlights.get('backstory-mention')?.size ?? 0);
          if (performance.now() < end) channel.port2.postMessage(0);
          else done(fewest);
        };
        channel.port2.postMessage(0);
      }),
    ms,
  );
}

test('a page that only renames itself in the address bar (an endless scroll of articles) keeps its names painted as it is read anew', async ({ page, server }) => {
  await page.goto(`${server.origin}/fixtures/single-page-app.html`);
  await expect.poll(() => paintedTexts(page)).toEqual(['John Kirby', 'U.S. National Security Council', 'Kirby']);
  const fewest = fewestPaintedFor(page, 800);
  await page.evaluate(() => history.replaceState(null, '', '/fixtures/next-article'));
  expect(await fewest).toBe(3);
  expect(await paintedTexts(page)).toEqual(['John Kirby', 'U.S. National Security Council', 'Kirby']);
});

test('a link followed to another page leaves this one painted while the next one loads', async ({ page, server }) => {
  // The next page never comes: the browser shows this one until it does.
  const hanging = createServer(() => {});
  await new Promise<void>((done) => hanging.listen(0, '127.0.0.1', done));
  try {
    const next = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/next`;
    server.route('/linking', `<!doctype html><html lang="en"><body><p>Kim Jong Un met Vladimir Putin. <a id="next" href="${next}">Read on</a></p></body></html>`);
    await page.goto(`${server.origin}/linking`);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    const fewest = fewestPaintedFor(page, 800);
    await page.click('#next', { noWaitAfter: true });
    expect(await fewest).toBe(2);
  } finally {
    hanging.closeAllConnections();
    hanging.close();
  }
});

test('a page that replaces its whole body (Turbo, document.write) is screened and read in the new one, and kept current there', async ({
  serviceWorker,
  page,
  server,
  pageErrors,
}) => {
  server.route('/new-body', '<!doctype html><html lang="en"><body><main><p>A page about the weather.</p></main></body></html>');
  await page.goto(`${server.origin}/new-body`);
  await firstReadingDone(page, serviceWorker);
  const replaceBody = (html: string) =>
    page.evaluate((html) => {
      const body = document.createElement('body');
      body.innerHTML = html;
      document.body.replaceWith(body);
    }, html);
  await replaceBody('<main><p id="lead">Kim Jong Un met Vladimir Putin.</p></main>');
  await expect.poll(() => paintedTexts(page)).toEqual(['Kim Jong Un', 'Vladimir Putin']);
  const hover = async (name: string) => {
    const point = await pointOfText(page, name);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => shadowUiText(page)).toContain(name);
    await page.mouse.move(5, 5);
    await expect.poll(() => shadowUiText(page)).toBeFalsy();
  };
  await hover('Kim Jong Un');
  // Again, now that the annotator and the card run: the next body too, what changes in it, and cards there.
  await replaceBody('<main><p id="lead">Japan answered.</p></main>');
  await expect.poll(() => paintedTexts(page)).toEqual(['Japan']);
  await page.evaluate(() => {
    document.getElementById('lead')!.append(' John Kirby spoke.');
  });
  await expect.poll(() => paintedTexts(page)).toEqual(['Japan', 'John Kirby']);
  await hover('John Kirby');
  expect(pageErrors).toEqual([]);
});

test('text a page without names adds right under <body> is screened with the whole page, and read', async ({ serviceWorker, page, server }) => {
  server.route('/body-text', '<!doctype html><html lang="en"><body><main><p>A page about the weather.</p></main></body></html>');
  await page.goto(`${server.origin}/body-text`);
  await firstReadingDone(page, serviceWorker);
  await page.evaluate(() => document.body.append('Breaking: Kim Jong Un arrived.'));
  await expect.poll(() => paintedTexts(page)).toEqual(['Kim Jong Un']);
});

test('a same-origin frame gets highlights of its own', async ({ page, server }) => {
  await page.goto(`${server.origin}/fixtures/framed.html`);
  await expect.poll(() => paintedTexts(page)).toEqual(['Vladimir Putin']);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await expect.poll(() => paintedTexts(frame)).toEqual(['South Korea', 'Japan']);
});

test('a frame that is empty at first (an ad slot) is read once text arrives in it', async ({ serviceWorker, page, server }) => {
  server.route(
    '/empty-frame',
    '<!doctype html><html lang="en"><body><main><p>A page about the weather.</p><iframe title="slot" srcdoc="<body></body>"></iframe></main></body></html>',
  );
  await page.goto(`${server.origin}/empty-frame`);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await frame.waitForLoadState();
  await firstReadingDone(page, serviceWorker, { frames: 2 });
  expect(await paintedTexts(frame)).toEqual([]);
  await frame.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Sponsored: a tour of North Korea.';
    document.body.append(p);
  });
  await expect.poll(() => paintedTexts(frame)).toEqual(['North Korea']);
});

test('a slot the page adds empty and fills later is read once it is filled', async ({ serviceWorker, page, server }) => {
  server.route('/late-slot', '<!doctype html><html lang="en"><body><main><p>A page about the weather.</p></main></body></html>');
  await page.goto(`${server.origin}/late-slot`);
  await page.evaluate(() => {
    const slot = Object.assign(document.createElement('div'), { id: 'slot' });
    document.querySelector('main')!.append(slot, document.createComment('ad'));
  });
  await firstReadingDone(page, serviceWorker);
  expect(await paintedTexts(page)).toEqual([]);
  await page.evaluate(() => {
    document.getElementById('slot')!.textContent = 'Live: Kim Jong Un met Vladimir Putin.';
  });
  await expect.poll(() => paintedTexts(page)).toEqual(['Kim Jong Un', 'Vladimir Putin']);
});

test('a wrapper the page adds with only a custom element in it is read through the element’s shadow root', async ({ page, server }) => {
  server.route('/late-wrappers', '<!doctype html><html lang="en"><body><main><p>A page about the weather.</p></main></body></html>');
  await page.goto(`${server.origin}/late-wrappers`);
  await page.evaluate(() => {
    customElements.define(
      'news-card',
      class extends HTMLElement {
        connectedCallback() {
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>Vladimir Putin spoke.</p>';
        }
      },
    );
    const wrapper = document.createElement('div');
    wrapper.append(document.createElement('news-card'));
    document.querySelector('main')!.append(wrapper);
  });
  await expect.poll(() => paintedTexts(page)).toEqual(['Vladimir Putin']);
});

test('a name a web component renders into its shadow root later is highlighted, and so are its changes after that', async ({ serviceWorker, page, server }) => {
  server.route(
    '/late-shadow',
    liveScorePage('<p>Loading</p><p></p>'),
  );
  await page.goto(`${server.origin}/late-shadow`);
  await firstReadingDone(page, serviceWorker);
  expect(await paintedTexts(page)).toEqual([]);
  await page.evaluate(() => {
    document.querySelector('live-score')!.shadowRoot!.querySelector('p')!.textContent = 'Kim Jong Un waved.';
  });
  await expect.poll(() => paintedTexts(page)).toEqual(['Kim Jong Un']);
  await page.evaluate(() => {
    document.querySelector('live-score')!.shadowRoot!.querySelector('p:last-child')!.textContent = 'Vladimir Putin waved back.';
  });
  await expect.poll(() => paintedTexts(page)).toEqual(['Kim Jong Un', 'Vladimir Putin']);
});

test('a name that comes into a shadow root among hundreds of other changes is read with the whole page', async ({ serviceWorker, page, server }) => {
  server.route(
    '/late-shadow-flood',
    liveScorePage('<p>Loading</p>'),
  );
  await page.goto(`${server.origin}/late-shadow-flood`);
  await firstReadingDone(page, serviceWorker);
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    for (let i = 0; i < 300; i++) main.append(Object.assign(document.createElement('p'), { textContent: `Rain, hour ${i}.` }));
    document.querySelector('live-score')!.shadowRoot!.querySelector('p')!.textContent = 'Kim Jong Un waved.';
  });
  await expect.poll(() => paintedTexts(page)).toEqual(['Kim Jong Un']);
});

test('a web component whose shadow root gets a name while it is out of the page is read when it comes back', async ({ serviceWorker, page, server }) => {
  server.route(
    '/away-shadow',
    liveScorePage('<p></p>'),
  );
  await page.goto(`${server.origin}/away-shadow`);
  await firstReadingDone(page, serviceWorker);
  await page.evaluate(() => {
    const score = document.querySelector('live-score')!;
    (window as unknown as { away: Element }).away = score;
    score.remove();
    score.shadowRoot!.querySelector('p')!.textContent = 'Kim Jong Un waved.';
  });
  // Screened meanwhile: the change is out of the document.
  await page.waitForTimeout(1000);
  await page.evaluate(() => document.querySelector('main')!.append((window as unknown as { away: Element }).away));
  await expect.poll(() => paintedTexts(page)).toEqual(['Kim Jong Un']);
});

test('a web component defined only once the page has loaded is read through its shadow root', async ({ page, server }) => {
  server.route(
    '/late-definition',
    '<!doctype html><html lang="en"><body><main><p>A page about the weather.</p><news-card></news-card></main><script>' +
      'addEventListener("load", () => customElements.define("news-card", class extends HTMLElement { connectedCallback() {' +
      ' this.attachShadow({ mode: "open" }).innerHTML = "<p>Vladimir Putin spoke.</p>"; } }));</script></body></html>',
  );
  await page.goto(`${server.origin}/late-definition`);
  await expect.poll(() => paintedTexts(page)).toEqual(['Vladimir Putin']);
});

/** A page script that defines `tag`, its shadow root holding `html`, `delay` ms after `event`. */
const defineLater = (tag: string, html: string, event: string, delay: number) =>
  `<script>addEventListener(${JSON.stringify(event)}, () => setTimeout(() => customElements.define(${JSON.stringify(tag)}, class extends HTMLElement {` +
  ` connectedCallback() { this.attachShadow({ mode: "open" }).innerHTML = ${JSON.stringify(html)}; } }), ${delay}));</script>`;

test('a web component defined seconds after the page loaded is read through its shadow root', async ({ page, server }) => {
  server.route(
    '/later-definition',
    `<!doctype html><html lang="en"><body><main><p>A page about the weather.</p><news-card></news-card></main>${defineLater('news-card', '<p>Vladimir Putin spoke.</p>', 'load', 2500)}</body></html>`,
  );
  await page.goto(`${server.origin}/later-definition`);
  await expect.poll(() => paintedTexts(page), { timeout: 15_000 }).toEqual(['Vladimir Putin']);
});

test('a web component the page adds after loading and defines later is read, on a page with names and on one without', async ({ page, server }) => {
  const addLater = '<script>addEventListener("load", () => setTimeout(() => document.querySelector("main").append(document.createElement("late-card")), 300));</script>';
  const late = defineLater('late-card', '<p>Vladimir Putin spoke.</p>', 'load', 1800);
  server.route('/added-later-named', `<!doctype html><html lang="en"><body><main><p>John Kirby said so.</p></main>${addLater}${late}</body></html>`);
  server.route('/added-later-plain', `<!doctype html><html lang="en"><body><main><p>A page about the weather.</p></main>${addLater}${late}</body></html>`);
  await page.goto(`${server.origin}/added-later-named`);
  await expect.poll(() => paintedTexts(page), { timeout: 15_000 }).toEqual(['John Kirby', 'Vladimir Putin']);
  await page.goto(`${server.origin}/added-later-plain`);
  await expect.poll(() => paintedTexts(page), { timeout: 15_000 }).toEqual(['Vladimir Putin']);
});

test('a wrapper whose text comes after many empty elements is read', async ({ page, server }) => {
  server.route('/late-deep', '<!doctype html><html lang="en"><body><main><p>A page about the weather.</p></main></body></html>');
  await page.goto(`${server.origin}/late-deep`);
  await page.evaluate(() => {
    const wrapper = document.createElement('section');
    for (let i = 0; i < 300; i++) wrapper.append(document.createElement('span'));
    wrapper.append(Object.assign(document.createElement('p'), { textContent: 'Kim Jong Un waved.' }));
    document.querySelector('main')!.append(wrapper);
  });
  await expect.poll(() => paintedTexts(page)).toEqual(['Kim Jong Un']);
});

test('a name the page joins by taking out what stood between its words is read', async ({ serviceWorker, page, server }) => {
  server.route('/late-join', '<!doctype html><html lang="en"><body><main><p>A statement by John <i id="note">(updated)</i>Kirby today.</p></main></body></html>');
  await page.goto(`${server.origin}/late-join`);
  await firstReadingDone(page, serviceWorker);
  expect(await paintedTexts(page)).toEqual([]);
  await page.evaluate(() => document.getElementById('note')!.remove());
  await expect.poll(() => paintedTexts(page)).toEqual(['John Kirby']);
});

test('a page without the story’s names never wakes the worker; a name that appears later is highlighted', async ({
  context,
  page,
  server,
  extensionId,
  pageErrors,
}) => {
  server.route(
    '/no-story',
    '<!doctype html><html lang="en"><body><main><h1>Weather</h1><p>Rain in the West Ham United ground; the USB charger of Ben Johnson.</p>' +
      '<p>Read it in The Washington Post.</p><select><option>North Korea</option></select></main></body></html>',
  );
  // The worker's own start-up first (seeding the story on install): a page with the story waits for it.
  const watcher = await context.newPage();
  await watcher.goto(`${server.origin}/demo`);
  await expect.poll(() => paintedMentions(watcher)).toBeGreaterThan(0);
  // Then something to watch the worker from that is not the page under test, and that wakes nothing itself.
  server.route('/quiet', '<!doctype html><html lang="en"><body><p>Nothing to see.</p></body></html>');
  await watcher.goto(`${server.origin}/quiet`);
  await stopServiceWorker(context, extensionId, watcher);
  const worker = await watchServiceWorker(watcher, extensionId);
  await page.goto(`${server.origin}/no-story`);
  await page.waitForTimeout(1500);
  // Near misses, an exclusion phrase and a name in a form field: the page's own script decides alone.
  expect(worker.started()).toBe(false);
  expect(await paintedTexts(page)).toEqual([]);

  await page.evaluate(() => {
    const p = document.createElement('p');
    p.append('Later: ', Object.assign(document.createElement('b'), { textContent: 'Vladimir' }), ' Putin spoke.');
    document.querySelector('main')!.append(p);
  });
  await expect.poll(() => paintedTexts(page)).toEqual(['Vladimir Putin']);
  // Reported once shown, for the badge: the report wakes the worker a moment after the name is painted.
  await expect.poll(() => worker.started()).toBe(true);
  await worker.stop();
  expect(pageErrors).toEqual([]);
});

test('a page of thousands of paragraphs, screened a slice at a time, is read to its end, and watched after', async ({ serviceWorker, page, server }) => {
  // 24,000 elements: more than the screen reads at once (page/page-screen.ts).
  const paragraphs = '<p>The council met on <b>Tuesday</b> to discuss the budget.</p>'.repeat(12_000);
  const longPage = (last: string) => `<!doctype html><html lang="en"><body><main>${paragraphs}${last}</main></body></html>`;
  server.route('/long-page', longPage('<p id="last">Vladimir Putin arrived.</p>'));
  server.route('/long-page-without', longPage(''));
  await page.goto(`${server.origin}/long-page`);
  await page.locator('#last').scrollIntoViewIfNeeded();
  await expect.poll(() => paintedTexts(page)).toEqual(['Vladimir Putin']);

  await page.goto(`${server.origin}/long-page-without`);
  await firstReadingDone(page, serviceWorker);
  await page.evaluate(() => {
    document.querySelector('main')!.append(Object.assign(document.createElement('p'), { id: 'late', textContent: 'Kim Jong Un waved.' }));
  });
  await page.locator('#late').scrollIntoViewIfNeeded();
  await expect.poll(() => paintedTexts(page)).toEqual(['Kim Jong Un']);
});

test('a page that writes itself anew after load (document.open and write) has its new names found and hoverable, with or without names before', async ({
  serviceWorker,
  page,
  server,
  pageErrors,
}) => {
  const rewrite = () => {
    document.open();
    document.write('<!doctype html><html lang="en"><body><p style="font-size:20px">Pyongyang and Ukraine now.</p></body></html>');
    document.close();
  };
  // Without names at first: only the screen was watching.
  server.route('/rewritten-plain', '<!doctype html><html lang="en"><body><p>Nothing here.</p></body></html>');
  await page.goto(`${server.origin}/rewritten-plain`);
  await firstReadingDone(page, serviceWorker);
  await page.evaluate(rewrite);
  await expect.poll(() => paintedTexts(page)).toEqual(['Pyongyang', 'Ukraine']);

  // With a name at first: the annotator was running, and the old name is no longer painted.
  server.route('/rewritten-named', '<!doctype html><html lang="en"><body><p>Moscow here.</p></body></html>');
  await page.goto(`${server.origin}/rewritten-named`);
  await expect.poll(() => paintedTexts(page)).toEqual(['Moscow']);
  // The card script in the page already: the browser erases the listeners on the window that document.open() finds.
  await expect.poll(() => shadowUiText(page)).not.toBeNull();
  await page.evaluate(rewrite);
  await expect.poll(() => paintedTexts(page)).toEqual(['Pyongyang', 'Ukraine']);
  const point = await pointOfText(page, 'Pyongyang');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => shadowUiText(page)).toMatch(/^Pyongyang /);
  expect(pageErrors).toEqual([]);
});

test('a page put into design mode after it was read (its own editor) loses its highlights as the reader edits, and opens no card', async ({
  page,
  server,
  pageErrors,
}) => {
  server.route(
    '/design-mode',
    `<!doctype html><html lang="en"><body style="font:20px sans-serif">
<p id="text">Vladimir Putin met Kim Jong Un in Pyongyang.</p>
<script>window.done = () => { document.designMode = 'off'; document.getElementById('text').append(' John Kirby said so.'); };</script>
</body></html>`,
  );
  await page.goto(`${server.origin}/design-mode`);
  await expect.poll(() => paintedMentions(page)).toBe(3);
  await expect.poll(() => shadowUiText(page)).not.toBeNull();
  await page.evaluate(() => (document.designMode = 'on'));
  // The reader clicks after the last name, and types a name.
  const end = await pointOfText(page, 'Pyongyang');
  await page.mouse.click(end.x + 60, end.y);
  await expect.poll(() => paintedMentions(page)).toBe(0);
  await page.keyboard.type(' Moscow');
  await page.waitForTimeout(500);
  expect(await paintedMentions(page)).toBe(0);
  const putin = await pointOfText(page, 'Vladimir Putin', 0, false);
  await page.mouse.move(putin.x, putin.y);
  await page.mouse.move(putin.x + 2, putin.y);
  await page.waitForTimeout(800);
  expect(await shadowUiCardTitle(page)).toBeNull();
  // Editing done (design mode off, the text saved): the page is read again, what the reader typed too.
  await page.evaluate(() => (window as unknown as { done: () => void }).done());
  await expect.poll(() => paintedTexts(page)).toEqual(['Vladimir Putin', 'Kim Jong Un', 'Pyongyang', 'Moscow', 'John Kirby']);
  expect(pageErrors).toEqual([]);
});

test('a page in design mode as it loads (an editor) has none of its names painted', async ({ page, server, serviceWorker, pageErrors }) => {
  server.route(
    '/design-mode-editor',
    `<!doctype html><html lang="en"><body style="font:20px sans-serif">
<p>Vladimir Putin met Kim Jong Un in Pyongyang.</p>
<script>document.designMode = 'on';</script>
<p>John Kirby said so.</p>
</body></html>`,
  );
  await page.goto(`${server.origin}/design-mode-editor`);
  // The page read: the screen found its names, and the annotator's first scan is over.
  await firstReadingDone(page, serviceWorker);
  // The card script comes in idle time after that scan, where it found any name: time enough for it.
  await page.waitForTimeout(500);
  expect(await paintedMentions(page)).toBe(0);
  const kim = await pointOfText(page, 'Kim Jong Un');
  await page.mouse.move(kim.x, kim.y);
  await page.mouse.move(kim.x + 2, kim.y);
  await page.waitForTimeout(800);
  expect(await shadowUiCardTitle(page)).toBeNull();
  // Backstory is there, and waits: out of design mode, with the text saved, the names are painted.
  await page.evaluate(() => {
    document.designMode = 'off';
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Saved.' }));
  });
  await expect.poll(() => paintedTexts(page)).toEqual(['Vladimir Putin', 'Kim Jong Un', 'Pyongyang', 'John Kirby']);
  expect(pageErrors).toEqual([]);
});

test('a page that drops the elements it did not make from <html> and <body> (a framework rendering the whole document) still opens a card on the next hover', async ({
  page,
  server,
  pageErrors,
}) => {
  server.route(
    '/drops-foreign-nodes',
    `<!doctype html><html lang="en"><body style="font:20px sans-serif">
<p>Vladimir Putin arrived in the morning.</p>
<p>Kim Jong Un met him at the airport.</p>
<script>
window.render = () => {
  for (const parent of [document.documentElement, document.body])
    for (const el of [...parent.children]) if (!['HEAD', 'BODY', 'P', 'SCRIPT'].includes(el.tagName)) el.remove();
};
</script>
</body></html>`,
  );
  await page.goto(`${server.origin}/drops-foreign-nodes`);
  await expect.poll(() => paintedMentions(page)).toBe(2);
  const putin = await pointOfText(page, 'Vladimir Putin');
  await page.mouse.move(putin.x, putin.y);
  await expect.poll(() => shadowUiCardTitle(page)).toBe('Vladimir Putin');
  // Rendered again with the card open, and again with it closed.
  await page.evaluate(() => (window as unknown as { render: () => void }).render());
  await page.mouse.move(5, 5);
  await page.evaluate(() => (window as unknown as { render: () => void }).render());
  const kim = await pointOfText(page, 'Kim Jong Un');
  await page.mouse.move(kim.x, kim.y);
  await expect.poll(() => shadowUiCardTitle(page)).toBe('Kim Jong Un');
  expect(await shadowUiBox(page)).not.toBeNull();
  await page.mouse.move(5, 5);
  await expect.poll(() => shadowUiCardTitle(page)).toBeNull();
  await page.evaluate(() => (window as unknown as { render: () => void }).render());
  await page.mouse.move(putin.x, putin.y);
  await expect.poll(() => shadowUiCardTitle(page)).toBe('Vladimir Putin');
  expect(pageErrors).toEqual([]);
});
