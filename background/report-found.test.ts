import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import { DOCUMENT_START, documentStart } from '../extension/story-keys';
import { nextMentionFrameKey } from '../extension/tab-found-key';
import { forgetClosedTabs, forgetTab, recordFrameReport } from './report-found';
import { framesOfPage, readTabFound } from './tab-found';
import { useLocaleMessages } from '../tooling/locale-messages';

const page = 'https://news.example/story';
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

/** How far behind a process made before the computer slept turns its monotonic clock into time origins. */
const SLEPT_MS = 2 * 60 * 60 * 1000;

/**
 * When a document began, as it tells the background (extension/story-keys.ts): read in a world of its own, once its
 * script starts (`readAfter` ms after it began), in a process `behindMs` behind the wall clock (w3c/hr-time#115).
 */
function startOf({ began, readAfter = 100, behindMs = 0 }: { began: number; readAfter?: number; behindMs?: number }): number {
  vi.spyOn(Date, 'now').mockReturnValue(began + readAfter);
  vi.stubGlobal('performance', { timeOrigin: began - behindMs, now: () => readAfter });
  const since = documentStart(DOCUMENT_START, {})!;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  return since;
}

describe('reports from the frames of a tab', () => {
  beforeAll(() => useLocaleMessages());
  beforeEach(() => fakeBrowser.reset());

  it('badges the tab with the number of distinct entities over all its frames', async () => {
    await recordFrameReport({ tabId: 3, frameId: 0, url: page, topUrl: page, counts: { russia: 4, china: 1 } });
    await recordFrameReport({ tabId: 3, frameId: 8, url: 'https://embed.example/', topUrl: page, counts: { russia: 2, japan: 1 } });
    expect(await badge(3)).toBe('3');
  });

  it('badges only the page the tab shows: not the names of the page before it, when a frame of the next one reports first', async () => {
    await recordFrameReport({ tabId: 4, frameId: 0, url: page, topUrl: page, counts: { russia: 4, china: 1, japan: 2 } });
    const next = 'https://news.example/next';
    await recordFrameReport({ tabId: 4, frameId: 9, url: 'https://embed.example/', topUrl: next, counts: { 'south-korea': 1 } });
    expect(await badge(4)).toBe('1');
  });

  it('stores the addresses of a page that keeps its state in a 2 MB address in at most 512 characters each, still telling it from its next state', async () => {
    const app = `${page}?state=${'x'.repeat(1_000_000)}`;
    await recordFrameReport({ tabId: 5, frameId: 0, url: `${app}#${'y'.repeat(900_000)}`, topUrl: app, counts: { russia: 1 } });
    await recordFrameReport({ tabId: 5, frameId: 6, url: `${app}&frame`, topUrl: app, counts: { japan: 1 } });
    const found = await readTabFound(5);
    expect(JSON.stringify(found).length).toBeLessThan(4 * 512 + 200);
    expect(Object.keys(framesOfPage(found, app)).sort()).toEqual(['0', '6']);
    expect(framesOfPage(found, `${app}y`)).toEqual({});
    expect(await badge(5)).toBe('2');
  });

  it('says the count in the toolbar button’s title, which a screen reader reads out, and no count when nothing is found', async () => {
    const title = (tabId: number) => fakeBrowser.action.getTitle({ tabId });
    await recordFrameReport({ tabId: 3, frameId: 0, url: page, topUrl: page, counts: { russia: 4, china: 1 } });
    expect(await title(3)).toBe('Backstory: 2 names from this story highlighted on this page');
    await recordFrameReport({ tabId: 3, frameId: 0, url: page, topUrl: page, counts: { russia: 4 } });
    expect(await title(3)).toBe('Backstory: 1 name from this story highlighted on this page');
    await recordFrameReport({ tabId: 3, frameId: 0, url: page, topUrl: page, counts: {} });
    expect(await title(3)).toBe('Backstory');
  });

  it('shows no badge when nothing is found', async () => {
    await recordFrameReport({ tabId: 3, frameId: 0, url: page, topUrl: page, counts: { russia: 1 } });
    await recordFrameReport({ tabId: 3, frameId: 0, url: page, topUrl: page, counts: {} });
    expect(await badge(3)).toBe('');
  });

  it('gives the badge a colour white text is readable on', async () => {
    await recordFrameReport({ tabId: 3, frameId: 0, url: page, topUrl: page, counts: { russia: 1 } });
    const [r, g, b] = (await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 3 })) as number[];
    const luminance = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const l = 0.2126 * luminance(r!) + 0.7152 * luminance(g!) + 0.0722 * luminance(b!);
    expect(1.05 / (l + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps every frame of concurrent reports', async () => {
    await Promise.all(
      [0, 1, 2, 3, 4].map((frameId) =>
        recordFrameReport({ tabId: 6, frameId, url: `${page}/${frameId}`, topUrl: `${page}/0`, counts: { [`e${frameId}`]: 1 } }),
      ),
    );
    expect(Object.keys(await readTabFound(6)).sort()).toEqual(['0', '1', '2', '3', '4']);
    expect(await badge(6)).toBe('5');
  });

  it('keeps tabs apart and forgets a closed one', async () => {
    await recordFrameReport({ tabId: 1, frameId: 0, url: page, topUrl: page, counts: { russia: 1 } });
    await recordFrameReport({ tabId: 2, frameId: 0, url: page, topUrl: page, counts: { china: 1, japan: 1 } });
    await forgetTab(1);
    expect(await readTabFound(1)).toEqual({});
    expect(await badge(2)).toBe('2');
  });

  it('forgets the tabs that were closed, and keeps the open ones and everything else in the session', async () => {
    const open = await fakeBrowser.tabs.create({ url: page });
    await recordFrameReport({ tabId: open.id!, frameId: 0, url: page, topUrl: page, counts: { russia: 1 } });
    await recordFrameReport({ tabId: 9001, frameId: 0, url: page, topUrl: page, counts: { china: 1 } });
    await fakeBrowser.storage.session.set({ other: 1 });
    // The shortcut pressed in a closed tab whose frames never reported a name.
    await storage.setItem(nextMentionFrameKey(9002), 3);
    await storage.setItem(nextMentionFrameKey(open.id!), 0);
    await forgetClosedTabs();
    expect(await readTabFound(9001)).toEqual({});
    expect(await storage.getItem(nextMentionFrameKey(9002))).toBeNull();
    expect(await storage.getItem(nextMentionFrameKey(open.id!))).toBe(0);
    expect(await readTabFound(open.id!)).toEqual({ 0: { url: page, topUrl: page, counts: { russia: 1 } } });
    expect(await fakeBrowser.storage.session.get('other')).toEqual({ other: 1 });
  });

  describe('taken after the tab showed another document', () => {
    const showing = (url: string, since: number) => async () => ({ url, since });

    it('a page loaded anew at the same address whose top frame names nobody: its ticker’s report counts alone, not the names of the page before', async () => {
      await recordFrameReport({ tabId: 7, frameId: 0, url: page, topUrl: page, since: 1000, counts: { russia: 4, china: 1, japan: 2 } }, undefined, showing(page, 1000));
      await recordFrameReport({ tabId: 7, frameId: 5, url: 'https://ticker.example/', topUrl: page, since: 1200, counts: { china: 1 } }, undefined, showing(page, 1000));
      expect(await badge(7)).toBe('3');
      // Reloaded: the top frame's new document began at 5000 and names nobody; the ticker came anew as frame 9.
      await recordFrameReport({ tabId: 7, frameId: 9, url: 'https://ticker.example/', topUrl: page, since: 5100, counts: { 'south-korea': 1 } }, undefined, showing(page, 5000));
      expect(await badge(7)).toBe('1');
      expect(Object.keys(await readTabFound(7))).toEqual(['9']);
    });

    it('a report of the page before, come after the next page showed, counts nothing on it', async () => {
      const next = 'https://news.example/next';
      await recordFrameReport({ tabId: 8, frameId: 0, url: page, topUrl: page, since: 1000, counts: { russia: 4 } }, undefined, showing(next, 3000));
      expect(await badge(8)).toBe('');
      expect(await readTabFound(8)).toEqual({});
    });

    it('a late report of the top frame’s older document leaves the page shown as it was, its frames and all', async () => {
      const next = 'https://news.example/next';
      await recordFrameReport({ tabId: 11, frameId: 0, url: next, topUrl: next, since: 5000, counts: { russia: 1 } }, undefined, showing(next, 5000));
      await recordFrameReport({ tabId: 11, frameId: 4, url: 'https://ticker.example/', topUrl: next, since: 5100, counts: { japan: 1 } }, undefined, showing(next, 5000));
      const shown = await readTabFound(11);
      await recordFrameReport({ tabId: 11, frameId: 0, url: page, topUrl: page, since: 1000, counts: { china: 3 } }, undefined, showing(next, 5000));
      expect(await readTabFound(11)).toEqual(shown);
      expect(await badge(11)).toBe('2');
    });

    afterEach(() => {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    });

    describe('a page that cannot be asked (a browser page, the Web Store, a PDF, a site withheld)', () => {
      const unasked = async () => undefined;

      it('a report of the page before, come after the tab moved on to one, is not taken: the badge the browser cleared stays clear', async () => {
        const tab = await fakeBrowser.tabs.create({ url: page });
        await recordFrameReport({ tabId: tab.id!, frameId: 0, url: page, topUrl: page, since: 1000, counts: { russia: 4 } }, undefined, showing(page, 1000));
        const stored = await readTabFound(tab.id!);
        // The new tab page committed, and the browser cleared the badge.
        await fakeBrowser.tabs.update(tab.id!, { url: 'chrome://newtab/' });
        await fakeBrowser.action.setBadgeText({ tabId: tab.id!, text: '' });
        await recordFrameReport({ tabId: tab.id!, frameId: 0, url: page, topUrl: page, since: 1000, counts: { russia: 4, china: 1 } }, undefined, unasked);
        await recordFrameReport({ tabId: tab.id!, frameId: 6, url: 'https://embed.example/', topUrl: page, since: 1100, counts: { japan: 1 } }, undefined, unasked);
        expect(await badge(tab.id!)).toBe('');
        expect(await readTabFound(tab.id!)).toEqual(stored);
      });

      it('a report of the page the tab shows is taken as ever: the page only cannot be asked when its document began', async () => {
        const tab = await fakeBrowser.tabs.create({ url: `${page}#comments` });
        await recordFrameReport({ tabId: tab.id!, frameId: 0, url: page, topUrl: `${page}#comments`, counts: { russia: 4, china: 1 } }, undefined, unasked);
        expect(await badge(tab.id!)).toBe('2');
      });
    });

    it('an embedded frame in a process made before the computer slept counts with its page: its document is not read as begun hours before it', async () => {
      const began = 1_700_000_000_000;
      const top = startOf({ began });
      // Cross-site, in a process made before the computer slept: its time origin reads two hours early.
      const embed = startOf({ began: began + 300, behindMs: SLEPT_MS });
      await recordFrameReport({ tabId: 30, frameId: 0, url: page, topUrl: page, since: top, counts: { russia: 1 } }, undefined, showing(page, top));
      await recordFrameReport({ tabId: 30, frameId: 7, url: 'https://embed.example/', topUrl: page, since: embed, counts: { japan: 1, china: 1 } }, undefined, showing(page, top));
      expect(Object.keys(framesOfPage(await readTabFound(30), page, top)).sort()).toEqual(['0', '7']);
      expect(await badge(30)).toBe('3');
    });

    it('a frame of the page before a reload, in a process made after the computer slept, counts no more once the page reloaded in one made before', async () => {
      const began = 1_700_000_000_000;
      const before = startOf({ began, behindMs: SLEPT_MS });
      const ticker = startOf({ began: began + 300 });
      await recordFrameReport({ tabId: 31, frameId: 0, url: page, topUrl: page, since: before, counts: { russia: 1 } }, undefined, showing(page, before));
      await recordFrameReport({ tabId: 31, frameId: 4, url: 'https://ticker.example/', topUrl: page, since: ticker, counts: { japan: 1 } }, undefined, showing(page, before));
      // Reloaded a minute later, in the same process as before: its time origin reads two hours early still.
      const reloaded = startOf({ began: began + 60_000, behindMs: SLEPT_MS });
      await recordFrameReport({ tabId: 31, frameId: 0, url: page, topUrl: page, since: reloaded, counts: { china: 1 } }, undefined, showing(page, reloaded));
      expect(Object.keys(await readTabFound(31))).toEqual(['0']);
      expect(await badge(31)).toBe('1');
    });

    it('back to an older document at the same address (the back-forward cache): the frames of the document left count no more', async () => {
      // The page's document (began at 1000), with its embed (frame 5).
      await recordFrameReport({ tabId: 20, frameId: 0, url: page, topUrl: page, since: 1000, counts: { russia: 1 } }, undefined, showing(page, 1000));
      await recordFrameReport({ tabId: 20, frameId: 5, url: 'https://embed.example/', topUrl: page, since: 1100, counts: { japan: 1 } }, undefined, showing(page, 1000));
      // A link to the same address: a new document (5000), whose embed (frame 9) names China.
      await recordFrameReport({ tabId: 20, frameId: 0, url: page, topUrl: page, since: 5000, counts: { russia: 1 } }, undefined, showing(page, 5000));
      await recordFrameReport({ tabId: 20, frameId: 9, url: 'https://other-embed.example/', topUrl: page, since: 5100, counts: { china: 1 } }, undefined, showing(page, 5000));
      expect(await badge(20)).toBe('2');
      // Back: the first document comes back from the cache, and each of its frames tells its counts again (pageshow).
      await recordFrameReport({ tabId: 20, frameId: 0, url: page, topUrl: page, since: 1000, counts: { russia: 1 } }, undefined, showing(page, 1000));
      await recordFrameReport({ tabId: 20, frameId: 5, url: 'https://embed.example/', topUrl: page, since: 1100, counts: { japan: 1 } }, undefined, showing(page, 1000));
      expect(Object.keys(await readTabFound(20)).sort()).toEqual(['0', '5']);
      expect(await badge(20)).toBe('2');
    });

    it('a single-page app that moved on to another view keeps its names while its top frame is the same document', async () => {
      const view = `${page}/view-2`;
      await recordFrameReport({ tabId: 10, frameId: 0, url: page, topUrl: page, since: 1000, counts: { russia: 4, china: 1 } }, undefined, showing(page, 1000));
      await recordFrameReport({ tabId: 10, frameId: 3, url: 'https://ticker.example/', topUrl: page, since: 1500, counts: { japan: 1 } }, undefined, showing(view, 1000));
      expect(await badge(10)).toBe('3');
    });
  });

  it('still sets the badge when the counts did not change, as after a reload', async () => {
    await recordFrameReport({ tabId: 3, frameId: 0, url: page, topUrl: page, counts: { russia: 1 } });
    // A reload clears the tab's badge in the browser; the repeated report must restore it.
    await fakeBrowser.action.setBadgeText({ tabId: 3, text: '' });
    await recordFrameReport({ tabId: 3, frameId: 0, url: page, topUrl: page, counts: { russia: 1 } });
    expect(await badge(3)).toBe('1');
  });
});
