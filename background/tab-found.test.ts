import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { applyFrameReport, CLOCK_SLACK_MS, forgetTabFound, framesOfPage, framesStillThere, mergeFrames, readTabFound, withoutReports, writeTabFound, type TabFound } from './tab-found';

const page = 'https://news.example/story';

describe('what a tab found, frame by frame', () => {
  it('replaces a frame\'s previous report', () => {
    let found: TabFound = {};
    found = applyFrameReport(found, 0, { url: page, counts: { russia: 2 } });
    found = applyFrameReport(found, 0, { url: page, counts: { russia: 3, ukraine: 1 } });
    expect(found).toEqual({ 0: { url: page, counts: { russia: 3, ukraine: 1 } } });
  });

  it('ignores the farewell of a frame’s older document once its next one reported, and not a report of names from it (a page restored from the back-forward cache)', () => {
    const ticker = 'https://ticker.example/';
    let found: TabFound = applyFrameReport({}, 0, { url: page, since: 100, counts: { russia: 1 } });
    found = applyFrameReport(found, 4, { url: ticker, since: 200, counts: { japan: 1 } });
    found = applyFrameReport(found, 4, { url: `${ticker}next`, since: 300, counts: { china: 2 } });
    expect(applyFrameReport(found, 4, { url: ticker, since: 200, counts: {} })).toBe(found);
    // Its own farewell, and that of a frame that told no start, count: nothing is kept of the frame.
    expect(applyFrameReport(found, 4, { url: `${ticker}next`, since: 300, counts: {} })).toEqual({ 0: found[0] });
    expect(applyFrameReport(found, 4, { url: ticker, counts: {} })).toEqual({ 0: found[0] });
    expect(applyFrameReport(found, 0, { url: page, since: 50, counts: { japan: 1 } })[0]).toEqual({ url: page, since: 50, counts: { japan: 1 } });
    expect(applyFrameReport(found, 4, { url: ticker, since: 200, counts: { japan: 1 } })[4]!.counts).toEqual({ japan: 1 });
  });

  it('keeps the other frames of the same page', () => {
    let found: TabFound = {};
    found = applyFrameReport(found, 0, { url: page, counts: { russia: 1 } });
    found = applyFrameReport(found, 5, { url: 'https://ads.example/f', topUrl: page, counts: { china: 1 } });
    found = applyFrameReport(found, 0, { url: `${page}#comments`, counts: { russia: 2 } });
    expect(Object.keys(found).sort()).toEqual(['0', '5']);
  });

  it('drops the frames of the previous page when the top frame reports a new one', () => {
    let found: TabFound = {};
    found = applyFrameReport(found, 0, { url: page, counts: { russia: 1 } });
    found = applyFrameReport(found, 5, { url: 'https://ads.example/f', topUrl: page, counts: { china: 1 } });
    found = applyFrameReport(found, 9, { url: 'https://ads.example/g', counts: { japan: 1 } });
    found = applyFrameReport(found, 0, { url: 'https://news.example/other', counts: { ukraine: 1 } });
    expect(found).toEqual({ 0: { url: 'https://news.example/other', counts: { ukraine: 1 } } });
  });

  it('keeps an iframe of the new page that reported before its parent did', () => {
    let found: TabFound = {};
    found = applyFrameReport(found, 0, { url: page, counts: { russia: 1 } });
    const next = 'https://news.example/other';
    found = applyFrameReport(found, 7, { url: 'https://embed.example/x', topUrl: next, counts: { china: 2 } });
    found = applyFrameReport(found, 0, { url: next, counts: {} });
    expect(Object.keys(found).sort()).toEqual(['0', '7']);
  });

  it('drops the frames of the page before a reload: the same address, but frames that began before the new top frame', () => {
    let found: TabFound = {};
    found = applyFrameReport(found, 0, { url: page, since: 1000, counts: { russia: 1 } });
    found = applyFrameReport(found, 3, { url: 'https://embed.example/x', topUrl: page, since: 1100, counts: { japan: 2 } });
    // Reloaded: the iframe comes anew under a new id, and reports before its parent does.
    found = applyFrameReport(found, 5, { url: 'https://embed.example/x', topUrl: page, since: 2100, counts: { japan: 2 } });
    expect(mergeFrames(framesOfPage(found, page)).get('japan')).toBe(4);
    found = applyFrameReport(found, 0, { url: page, since: 2000, counts: { russia: 1 } });
    expect(Object.keys(found).sort()).toEqual(['0', '5']);
    expect(mergeFrames(framesOfPage(found, page))).toEqual(new Map([['russia', 1], ['japan', 2]]));
  });

  it('drops, as the top frame goes back to an older document (one restored from the back-forward cache), the frames of the document it replaces', () => {
    let found: TabFound = {};
    found = applyFrameReport(found, 0, { url: page, since: 5000, counts: { russia: 1 } });
    found = applyFrameReport(found, 9, { url: 'https://embed.example/new', topUrl: page, since: 5100, counts: { china: 1 } });
    // Back: the older document's embed tells its counts again before its top frame does.
    found = applyFrameReport(found, 5, { url: 'https://embed.example/old', topUrl: page, since: 1100, counts: { japan: 1 } });
    found = applyFrameReport(found, 0, { url: page, since: 1000, counts: { russia: 1 } });
    expect(Object.keys(found).sort()).toEqual(['0', '5']);
  });

  it('takes a frame whose start reads a little before its top frame’s, as two documents’ clocks read, for one of its page', () => {
    let found: TabFound = {};
    found = applyFrameReport(found, 0, { url: page, since: 1000, counts: { russia: 1 } });
    found = applyFrameReport(found, 3, { url: 'https://embed.example/x', topUrl: page, since: 1000 - CLOCK_SLACK_MS, counts: { japan: 1 } });
    found = applyFrameReport(found, 0, { url: page, since: 1000, counts: { russia: 2 } });
    expect(Object.keys(framesOfPage(found, page, 1000)).sort()).toEqual(['0', '3']);
    expect(Object.keys(framesStillThere(found, new Map([[0, 1000], [3, 1000 - CLOCK_SLACK_MS]]))).sort()).toEqual(['0', '3']);
  });

  it('keeps a frame whose document is there but whose start is unknown (noted too late to be known), and a page whose start is unknown keeps its frames', () => {
    let found: TabFound = {};
    found = applyFrameReport(found, 0, { url: page, since: 1000, counts: { russia: 1 } });
    found = applyFrameReport(found, 3, { url: 'https://embed.example/x', topUrl: page, since: 1200, counts: { japan: 1 } });
    expect(Object.keys(framesStillThere(found, new Map([[0, Number.NaN], [3, Number.NaN]]))).sort()).toEqual(['0', '3']);
    expect(Object.keys(framesOfPage(found, page, Number.NaN)).sort()).toEqual(['0', '3']);
  });

  it('keeps the frames of a single-page app that moved on to another view: the same document at another address', () => {
    const view = 'https://news.example/live/next';
    let found: TabFound = {};
    found = applyFrameReport(found, 0, { url: page, since: 1000, counts: { china: 1 } });
    // A ticker beside the app's views, and a frame of the document before a reload.
    found = applyFrameReport(found, 3, { url: 'https://ticker.example/', topUrl: page, since: 1100, counts: { 'kim-jong-un': 1 } });
    found = applyFrameReport(found, 4, { url: 'https://embed.example/', topUrl: page, since: 900, counts: { japan: 1 } });
    // history.pushState: the same document reports its new view, which names nobody.
    found = applyFrameReport(found, 0, { url: view, since: 1000, counts: {} });
    expect(Object.keys(found).sort()).toEqual(['0', '3']);
    expect(mergeFrames(framesOfPage(found, view, 1000))).toEqual(new Map([['kim-jong-un', 1]]));
    // A new document at that address is another page: the ticker was the one before's.
    found = applyFrameReport(found, 0, { url: view, since: 7000, counts: {} });
    expect(Object.keys(found)).toEqual(['0']);
  });

  it('counts a single-page app’s ticker, reported under an earlier view of the same document, under the view the tab shows', () => {
    const view = 'https://news.example/live/next';
    const found: TabFound = {
      0: { url: view, since: 1000, counts: { russia: 1 } },
      3: { url: 'https://ticker.example/', topUrl: page, since: 1100, counts: { 'kim-jong-un': 1 } },
    };
    expect(Object.keys(framesOfPage(found, view, 1000)).sort()).toEqual(['0', '3']);
    // The tab has since loaded another document at that address, which sent nothing.
    expect(framesOfPage(found, view, 9000)).toEqual({});
  });

  it('shows nothing of the previous page on a page that sent no report', () => {
    const found: TabFound = {
      0: { url: page, counts: { russia: 1 } },
      5: { url: 'https://ads.example/f', topUrl: page, counts: { china: 1 } },
    };
    expect(framesOfPage(found, 'https://news.example/weather')).toEqual({});
    expect(framesOfPage(found, `${page}#comments`)).toEqual(found);
  });

  it('shows nothing of an earlier document at the same address, once told when the document shown began', () => {
    const found: TabFound = {
      0: { url: page, since: 1000, counts: { russia: 1 } },
      5: { url: 'https://ads.example/f', topUrl: page, since: 1200, counts: { china: 1 } },
    };
    // Reloaded, and the new document names nobody: it sent no report.
    expect(framesOfPage(found, page, 5000)).toEqual({});
    // The document that reported is the one shown.
    expect(framesOfPage(found, page, 1000)).toEqual(found);
    // The new document's frame reported; its top frame did not.
    const reloaded = { ...found, 8: { url: 'https://ads.example/f', topUrl: page, since: 5100, counts: { china: 1 } } };
    expect(Object.keys(framesOfPage(reloaded, page, 5000))).toEqual(['8']);
  });

  it('shows the frames of the new page that reported while its top frame did not', () => {
    const next = 'https://news.example/weather';
    const found: TabFound = {
      0: { url: page, counts: { russia: 1 } },
      7: { url: 'https://embed.example/x', topUrl: next, counts: { china: 2 } },
      9: { url: 'https://embed.example/y', counts: { japan: 1 } },
    };
    expect(Object.keys(framesOfPage(found, next))).toEqual(['7']);
    // A frame that reported without its page's address belongs to the page its top frame reported.
    expect(Object.keys(framesOfPage(found, page)).sort()).toEqual(['0', '9']);
  });

  it('leaves out frames the page removed, or that show another document since they reported, keeping those it could not ask', () => {
    const found: TabFound = {
      0: { url: page, since: 1000, counts: { russia: 1 } },
      3: { url: 'https://ticker.example/a', topUrl: page, since: 1100, counts: { japan: 1 } },
      4: { url: 'https://embed.example/x', topUrl: page, since: 1200, counts: { china: 1 } },
      5: { url: 'https://embed.example/y', topUrl: page, since: 1300, counts: { ukraine: 1 } },
      6: { url: 'about:srcdoc', topUrl: page, since: 1400, counts: { vietnam: 1 } },
    };
    // Frame 3 moved on to another document (begun later); frame 4 is gone; frame 6 could not be asked.
    const origins = new Map([
      [0, 1000],
      [3, 9000],
      [5, 1300],
    ]);
    expect(Object.keys(framesStillThere(found, origins))).toEqual(['0', '5', '6']);
  });

  it('takes out only the reports judged gone: a frame that reported since, in the same frame or a new one, keeps its report', () => {
    const ticker = { url: 'https://ticker.example/a', topUrl: page, since: 1100, counts: { japan: 1 } };
    const stored: TabFound = {
      0: { url: page, since: 1000, counts: { russia: 1 } },
      // Frame 3 loaded its next document and reported it after the origins were read; frame 8 is an embed added meanwhile.
      3: { url: 'https://ticker.example/b', topUrl: page, since: 9000, counts: { china: 1 } },
      4: { url: 'https://embed.example/x', topUrl: page, since: 1200, counts: { china: 1 } },
      8: { url: 'https://embed.example/new', topUrl: page, since: 9100, counts: { vietnam: 2 } },
    };
    const gone = [['3', ticker], ['4', stored[4]!], ['8', { url: 'https://embed.example/old', topUrl: page, since: 500, counts: {} }]] as const;
    expect(Object.keys(withoutReports(stored, gone))).toEqual(['0', '3', '8']);
  });

  it('adds up the mentions of every frame', () => {
    const merged = mergeFrames({
      0: { url: page, counts: { russia: 2, china: 1 } },
      3: { url: 'https://embed.example/x', counts: { russia: 5 } },
    });
    expect(Object.fromEntries(merged)).toEqual({ russia: 7, china: 1 });
  });
});

describe('where it is kept', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lives in session storage, so a restarted service worker reads it back', async () => {
    await writeTabFound(4, { 0: { url: page, counts: { russia: 1 } } });
    expect(await fakeBrowser.storage.session.get('tabFound:4')).toEqual({
      'tabFound:4': { 0: { url: page, counts: { russia: 1 } } },
    });
    expect(await readTabFound(4)).toEqual({ 0: { url: page, counts: { russia: 1 } } });
  });

  it('reads nothing for an unknown tab, and nothing from malformed storage', async () => {
    expect(await readTabFound(99)).toEqual({});
    await fakeBrowser.storage.session.set({ 'tabFound:4': { 0: { url: page, counts: { Russia: 'many' } } } });
    expect(await readTabFound(4)).toEqual({});
  });

  it('forgets a tab', async () => {
    await writeTabFound(4, { 0: { url: page, counts: { russia: 1 } } });
    await forgetTabFound(4);
    expect(await readTabFound(4)).toEqual({});
  });
});
