import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { updateSettings } from '../extension/settings-store';
import { StoryDatabase } from './db';
import { handleMessage, type HandlerContext, type Sender } from './handle-message';
import { createStoryService } from './story-service';
import { loadPackSource, uniqueDbName } from './test-support';

const dbs: StoryDatabase[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));
beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

function context(): HandlerContext {
  const db = new StoryDatabase(uniqueDbName());
  dbs.push(db);
  return { ready: createStoryService(db, loadPackSource()).ready, loadAnnotator: async () => true, loadUi: async () => {}, loadOverlay: async () => {} };
}

const popup: Sender = { url: 'chrome-extension://test-extension-id/popup.html' };

async function newsTab(url = 'https://news.example/summit') {
  const tab = await fakeBrowser.tabs.create({ url });
  const frame = (frameId: number, frameUrl = url): Sender => ({ tab: { ...tab } as Sender['tab'], frameId, url: frameUrl });
  return { id: tab.id!, frame };
}

describe('tab/found and tab/get', () => {
  it('merges the frames of a tab and names each entity, by category then most mentioned', async () => {
    const ctx = context();
    const tab = await newsTab();
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts: { russia: 3, 'north-korea': 5, 'vladimir-putin': 2, moscow: 1 } }, tab.frame(0), ctx);
    await handleMessage({ type: 'tab/found', url: 'https://embed.example/', counts: { russia: 4, japan: 1 } }, tab.frame(3, 'https://embed.example/'), ctx);

    const reply = await handleMessage({ type: 'tab/get', tabId: tab.id }, popup, ctx);
    // Each is revealed in the top frame where it is named there, else in the frame that names it.
    expect(reply).toEqual({
      ok: true,
      url: 'https://news.example/summit',
      found: [
        { id: 'vladimir-putin', name: 'Vladimir Putin', category: 'person', count: 2, frameId: 0 },
        { id: 'russia', name: 'Russia', category: 'country', count: 7, frameId: 0 },
        { id: 'north-korea', name: 'North Korea', category: 'country', count: 5, frameId: 0 },
        { id: 'japan', name: 'Japan', category: 'country', count: 1, frameId: 3 },
        { id: 'moscow', name: 'Moscow', category: 'place', count: 1, frameId: 0 },
      ],
      loading: false,
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('5');
  });

  it('counts nothing a page the browser prerenders reports on the page its tab still shows', async () => {
    const ctx = context();
    const tab = await newsTab('https://search.example/results');
    const prerendered: Sender = { ...tab.frame(7, 'https://news.example/summit'), documentLifecycle: 'prerender' };
    expect(await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts: { russia: 3 } }, prerendered, ctx)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'tab/get', tabId: tab.id }, popup, ctx)).toMatchObject({ ok: true, found: [] });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('');
  });

  it('counts nothing a page kept in the back-forward cache reports with names', async () => {
    const ctx = context();
    const tab = await newsTab();
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts: { russia: 3 } }, tab.frame(0), ctx);
    const cached: Sender = { ...tab.frame(6, 'https://ticker.example/'), documentLifecycle: 'cached' };
    await handleMessage({ type: 'tab/found', url: 'https://ticker.example/', counts: { japan: 1 } }, cached, ctx);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('1');
  });

  it('counts nothing a page the tab is leaving reports with names, and takes its farewell', async () => {
    const ctx = context();
    const tab = await newsTab();
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts: { russia: 3 } }, tab.frame(0), ctx);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('1');
    const leaving: Sender = { ...tab.frame(0), documentLifecycle: 'pending_deletion' };
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts: { russia: 3, japan: 1 } }, leaving, ctx);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('1');
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts: {} }, leaving, ctx);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('');
  });

  it('tells a tab still loading, and before its first response answers for the page it is going to, not the one it shows', async () => {
    const ctx = context();
    const tab = await newsTab();
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts: { russia: 3 } }, tab.frame(0), ctx);
    const shown = await fakeBrowser.tabs.get(tab.id);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...shown, status: 'loading', pendingUrl: 'https://news.example/next' });
    expect(await handleMessage({ type: 'tab/get', tabId: tab.id }, popup, ctx)).toEqual({
      ok: true,
      url: 'https://news.example/next',
      found: [],
      loading: true,
    });
  });

  it('counts on the badge only the names of the categories shown', async () => {
    const ctx = context();
    const tab = await newsTab();
    const counts = { russia: 3, 'north-korea': 5, 'vladimir-putin': 2 };
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts }, tab.frame(0), ctx);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('3');
    await updateSettings((settings) => ({ ...settings, categories: { ...settings.categories, country: false } }));
    // The page tells its counts again when a category is switched.
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts }, tab.frame(0), ctx);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('1');
    // The popup still lists every name, the hidden ones among them.
    const reply = await handleMessage({ type: 'tab/get', tabId: tab.id }, popup, ctx);
    expect(reply.ok && 'found' in reply && reply.found.map((e) => e.id).sort()).toEqual(['north-korea', 'russia', 'vladimir-putin']);
  });

  it('counts the badge, once the popup found a frame gone, from the page the tab shows, not from the page before it', async () => {
    const ctx = context();
    const tab = await newsTab();
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', since: 1000, counts: { russia: 3, china: 1, japan: 2 } }, tab.frame(0), ctx);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('3');
    // The tab moves on to a page whose own text names nobody (no report), with a ticker that names Japan.
    const host = 'https://news.example/host';
    await fakeBrowser.tabs.update(tab.id, { url: host });
    const moved = await newsTab(host);
    const ticker = { ...moved.frame(3, 'https://ticker.example/'), tab: { ...(await fakeBrowser.tabs.get(tab.id)) } as Sender['tab'] };
    await handleMessage({ type: 'tab/found', url: 'https://ticker.example/', since: 5100, counts: { japan: 1 } }, ticker, ctx);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('1');
    // The ticker moves on to a page without names: the popup asks, and finds it shows another document.
    const scripting = { executeScript: vi.fn(async () => [{ frameId: 0, result: 5000 }, { frameId: 3, result: 9000 }]) };
    (fakeBrowser as unknown as { scripting: unknown }).scripting = scripting;
    const reply = await handleMessage({ type: 'tab/get', tabId: tab.id }, popup, ctx);
    expect(reply).toEqual({ ok: true, url: host, found: [], loading: false });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('');
  });

  it('answers with nothing found for a tab no frame reported from', async () => {
    const tab = await newsTab();
    expect(await handleMessage({ type: 'tab/get', tabId: tab.id }, popup, context())).toEqual({
      ok: true,
      url: 'https://news.example/summit',
      found: [],
      loading: false,
    });
  });

  it('leaves out ids the story does not know', async () => {
    const ctx = context();
    const tab = await newsTab();
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts: { atlantis: 2, russia: 1 } }, tab.frame(0), ctx);
    const reply = await handleMessage({ type: 'tab/get', tabId: tab.id }, popup, ctx);
    expect(reply.ok && 'found' in reply && reply.found.map((e) => e.id)).toEqual(['russia']);
  });

  it('keeps what a tab found when the service worker restarts', async () => {
    const tab = await newsTab();
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts: { russia: 1 } }, tab.frame(0), context());
    // A restarted worker loads every module again and builds a new context: only the browser's storage carries over.
    vi.resetModules();
    vi.doMock('wxt/browser', () => ({ browser: fakeBrowser }));
    const restarted = await import('./handle-message');
    vi.doUnmock('wxt/browser');
    expect(restarted.handleMessage).not.toBe(handleMessage);
    const reply = await restarted.handleMessage({ type: 'tab/get', tabId: tab.id }, popup, context());
    expect(reply.ok && 'found' in reply && reply.found).toHaveLength(1);
  });

  it('keeps tabs apart', async () => {
    const ctx = context();
    const a = await newsTab();
    const b = await newsTab('https://news.example/other');
    await handleMessage({ type: 'tab/found', url: 'https://news.example/summit', counts: { russia: 1 } }, a.frame(0), ctx);
    await handleMessage({ type: 'tab/found', url: 'https://news.example/other', counts: { china: 1 } }, b.frame(0), ctx);
    const reply = await handleMessage({ type: 'tab/get', tabId: b.id }, popup, ctx);
    expect(reply.ok && 'found' in reply && reply.found.map((e) => e.id)).toEqual(['china']);
  });

  it('refuses a report that does not come from a tab', async () => {
    const reply = await handleMessage({ type: 'tab/found', url: 'x', counts: {} }, { frameId: 0 }, context());
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/page in a tab/) });
  });

  it('tells a content script nothing about any tab', async () => {
    const tab = await newsTab();
    const reply = await handleMessage({ type: 'tab/get', tabId: tab.id }, tab.frame(0), context());
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/extension's own pages/) });
  });

  it('replies with an error for a tab that does not exist', async () => {
    expect(await handleMessage({ type: 'tab/get', tabId: 404 }, popup, context())).toEqual({ ok: false, error: 'No tab 404' });
  });

  it.each([
    ['a count of zero', { type: 'tab/found', url: 'x', counts: { russia: 0 } }],
    ['a bad entity id', { type: 'tab/found', url: 'x', counts: { 'North Korea': 1 } }],
    ['a negative tab id', { type: 'tab/get', tabId: -1 }],
  ])('rejects a malformed request: %s', async (_label, message) => {
    expect(await handleMessage(message, popup, context())).toMatchObject({ ok: false, error: expect.stringMatching(/Malformed request/) });
  });
});
