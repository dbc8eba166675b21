import { browser, type Browser } from 'wxt/browser';
import {
  parseRequest,
  type MessageType,
  type Reply,
  type ReplyData,
  type Request,
} from '../core/messages/protocol';
import { cardAboveFrame, tellFrameOfCard } from './card-above';
import type { StoryDatabase } from './db';
import { countShown, resolveFound } from './found-entities';
import { escapeToFrame, watchEscapeFor } from './escape-relay';
import { focusLeftForTab } from './focus-left-frame';
import { activeFor } from './load-card-ui';
import { readSettings } from '../extension/settings-store';
import { pruneTabFound, recordFrameReport, type BadgeCount } from './report-found';
import { isExtensionPage, senderTabId } from './sender';
import { getPageMatcher } from './page-matcher';
import { getEntityCards, getStorySummary } from './story-queries';
import { documentStarts } from './document-starts';
import { framesOfPage, framesStillThere, mergeFrames, readTabFound, revealFrames, topFrameUrl, withoutReports, type TabFound } from './tab-found';

export type Sender = Pick<Browser.runtime.MessageSender, 'tab' | 'frameId' | 'url' | 'documentLifecycle' | 'documentId'>;

export interface HandlerContext {
  /** Resolves once the bundled story is in the database (seeded now if it was missing). */
  ready: () => Promise<StoryDatabase>;
  /** Loads the annotator into the sender's frame unless Backstory is off there; whether it did. */
  loadAnnotator: (sender: Sender) => Promise<boolean>;
  /** Loads the card UI into the sender's frame. */
  loadUi: (sender: Sender) => Promise<void>;
  /** Loads the overlay painter into the sender's frame. */
  loadOverlay: (sender: Sender) => Promise<void>;
}

type Handlers = {
  [T in MessageType]: (request: Request<T>, sender: Sender, context: HandlerContext) => Promise<ReplyData<T>>;
};

const handlers: Handlers = {
  'story/get': async (_request, _sender, { ready }) => ({ story: await getStorySummary(await ready()) }),
  'matcher/get': async (_request, sender, { ready }) => {
    const { active, settings, site } = await activeFor(sender);
    // The screen asks for it along with the annotator: where Backstory is off, none comes to use it.
    if (!active) throw new Error('Backstory is switched off here');
    return { ...(await getPageMatcher(await ready())), settings, site };
  },
  'entity/get': async ({ entityId }, _sender, { ready }) => {
    const [card] = await getEntityCards(await ready(), [entityId]);
    if (!card) throw new Error(`Unknown entity "${entityId}"`);
    return { card };
  },
  'entities/get': async ({ entityIds }, _sender, { ready }) => ({
    cards: await getEntityCards(await ready(), entityIds),
  }),
  'page/annotate': async (_request, sender, { loadAnnotator }) => ({ annotated: await loadAnnotator(sender) }),
  'ui/load': async (_request, sender, { loadUi }) => {
    await loadUi(sender);
    return {};
  },
  'painter/load': async (_request, sender, { loadOverlay }) => {
    await loadOverlay(sender);
    return {};
  },
  'tab/found': async ({ url, since, counts }, sender, { ready }) => {
    // A page the browser prerenders is no frame of the page its tab shows (its frame id is none of them), and waits to be
    // shown before it reports (extension/after-prerender.ts): one that did not would count on that page's badge.
    if (sender.documentLifecycle === 'prerender') return {};
    // A page the tab is leaving (the next one committed while this report was sent), or one kept in the back-forward
    // cache, names nothing on the page shown. Its farewell (no names) is taken: it takes its names off.
    const shown = sender.documentLifecycle === undefined || sender.documentLifecycle === 'active';
    if (!shown && Object.keys(counts).length > 0) return {};
    const tabId = senderTabId(sender);
    await recordFrameReport({ tabId, frameId: sender.frameId ?? 0, url, topUrl: sender.tab?.url, since, counts }, badgeCount(ready));
    return {};
  },
  'card/above': async (request, sender) => ({ shown: await cardAboveFrame(request, sender) }),
  'card/above-event': async ({ type: _type, frameId, ...news }, sender) => {
    await tellFrameOfCard(frameId, news, sender);
    return {};
  },
  'focus/left': async (_request, sender) => ({ elsewhere: await focusLeftForTab(senderTabId(sender), sender.frameId ?? 0) }),
  'card/escape-watch': async ({ open }, sender) => {
    await watchEscapeFor(senderTabId(sender), sender.frameId ?? 0, open);
    return {};
  },
  'card/escape': async ({ frameId }, sender) => {
    await escapeToFrame(senderTabId(sender), sender.frameId ?? 0, frameId);
    return {};
  },
  'tab/get': async ({ tabId }, sender, { ready }) => {
    if (!isExtensionPage(sender)) throw new Error("Only the extension's own pages may ask what a tab found");
    const [found, tab, starts] = await Promise.all([
      readTabFound(tabId),
      browser.tabs.get(tabId).catch(() => undefined),
      documentStarts(tabId),
    ]);
    if (!tab) throw new Error(`No tab ${tabId}`);
    // The tab's address now: a single-page app may have moved on since its frames last reported. Before the page's first
    // response the tab still shows the one before (about:blank for a new tab): the address it is going to is the page.
    const url = tab.pendingUrl ?? tab.url ?? topFrameUrl(found) ?? '';
    const ofPageNow = (stored: TabFound) => (tab.url === undefined ? stored : framesOfPage(stored, tab.url, starts?.get(0)));
    const ofPage = tab.pendingUrl !== undefined ? {} : ofPageNow(found);
    const current = starts ? framesStillThere(ofPage, starts) : ofPage;
    // Frames gone since they reported leave the stored reports, and the badge, too: those reports only, not one a frame
    // sent since its document's start was read.
    const gone = Object.entries(ofPage).filter(([id]) => !(id in current));
    if (starts && gone.length > 0) await pruneTabFound(tabId, (stored) => withoutReports(stored, gone), ofPageNow, badgeCount(ready));
    const loading = tab.status === 'loading';
    return { url, loading, found: await resolveFound(await ready(), mergeFrames(current), revealFrames(current)) };
  },
};

/** Validates and answers one message; every failure becomes an error reply. */
export async function handleMessage(
  raw: unknown,
  sender: Sender,
  context: HandlerContext,
): Promise<Reply<MessageType> | { ok: true }> {
  try {
    // Inside the try too: a throw from the parse itself would leave the sender without a reply.
    const parsed = parseRequest(raw);
    if (!parsed.ok) return parsed;
    const { request } = parsed;
    const handler = handlers[request.type] as (
      request: Request<MessageType>,
      sender: Sender,
      context: HandlerContext,
    ) => Promise<ReplyData<MessageType>>;
    return { ok: true, ...(await handler(request, sender, context)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The badge counts the names the reader has shown: those of the categories switched on. */
function badgeCount(ready: HandlerContext['ready']): BadgeCount {
  return async (counts) => {
    const settings = await readSettings();
    return countShown(await ready(), counts, (category) => settings.categories[category] !== false);
  };
}
