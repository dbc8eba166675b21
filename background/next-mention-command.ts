import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { NEXT_MENTION_COMMAND } from '../core/commands';
import type { PageNotice } from '../core/messages/page-commands';
import { sendToTab } from '../extension/send-to-tab';
import { nextMentionFrameKey } from '../extension/tab-found-key';
import { framePaths } from './frame-paths';
import { activeFor } from './load-card-ui';
import { createPerKeyQueue } from './per-key-queue';
import { pathsInIdOrder, walkInReadingOrder } from './frame-walk';
import { readPageNow } from './read-page-now';
import { frameOfReader } from './reader-frame';
import { framesOfPage, readTabFound } from './tab-found';

/**
 * The keyboard shortcut: the page in front moves to its next mention and opens
 * its card. The page's frames that name the story are walked in reading order:
 * an embedded frame's names where its element stands among the names of the
 * page around it (a live ticker at the top of an article before the article's
 * names), so names only an embedded frame shows are reached too.
 * The walk goes on in the frame the reader is in now, else in the one it last
 * revealed in: stored, not kept, as the worker may stop between presses.
 */
export async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== NEXT_MENTION_COMMAND) return;
  const target = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const tabId = target?.id;
  if (tabId === undefined || tabId < 0) return;
  // One press after another: a press while the last one still closes the card it left would close the one it opens.
  return pressesInTab(tabId, () => walkOn(tabId, target?.url));
}

const pressesInTab = createPerKeyQueue<number>();

async function walkOn(tabId: number, url: string | undefined): Promise<void> {
  // Switched off, the page has no names read: the reader is told why, not left pressing a key that does nothing.
  const { active, settings } = await activeFor({ tab: { url } as Browser.tabs.Tab });
  if (!active) return tell(tabId, settings.enabled ? 'off-on-site' : 'off-everywhere');
  const frames = await framesNamingTheStory(tabId, url);
  const key = nextMentionFrameKey(tabId);
  const stored = await storage.getItem<number>(key);
  const last = stored !== null && frames.includes(stored) ? stored : undefined;
  // The frame the reader is in now, where they went since (Tab out of a frame, a click into another), before the one last revealed in.
  const here = frames.length > 1 ? await frameOfReader(tabId, frames) : undefined;
  const from = here ?? last ?? frames[0]!;
  // The card of each frame the walk leaves behind closes: the card of the frame it reveals in is the one open.
  const revealedIn = async (frameId: number) => {
    for (const left of new Set([from, last])) {
      if (left !== undefined && left !== frameId) await sendToTab(tabId, { type: 'page/close-card' }, left);
    }
    return remember(key, frameId);
  };

  // On from where that frame is (the reader's place, or the name last revealed or hovered there), past its last
  // one on in reading order, then round from the top; a page without our content script (a browser page)
  // answers nothing, and the shortcut does nothing there but try its notice. Where frames stand is asked only when several name the story.
  const paths = (frames.length > 1 && (await framePaths(tabId, frames))) || pathsInIdOrder(frames);
  let round = false;
  // A frame answered that it is still reading its page: its names may be yet to come.
  let reading = false;
  const found = await walkInReadingOrder(
    paths,
    from,
    async (frameId, how) => {
      const reply = await sendToTab(tabId, { type: 'page/next-mention', wrap: false, ...how }, frameId);
      if (reply.ok && reply.reading) reading = true;
      return reply.ok ? reply : undefined;
    },
    () => (round = true),
  );
  if (found !== undefined) {
    await revealedIn(found);
    // The page jumped back up past everything the reader has read: said, so the jump is no surprise, nor a screen reader's
    // first name again. Not when the page was still being read: its first name came meanwhile, and nothing went round.
    if (round && !reading) await tell(tabId, 'round');
    return;
  }
  if (reading) return tell(tabId, 'reading');
  // A page Backstory never read, which the shortcut lets it into (Firefox, site access withheld): read
  // it now, and go to its first name once the page has found its names and loaded its card.
  if (await readPageNow(tabId)) {
    for (let waited = 0; waited < READ_WAIT_MS; waited += READ_POLL_MS) {
      await new Promise((done) => setTimeout(done, READ_POLL_MS));
      if (await revealed(tabId, 0, { fromStart: true, wrap: false })) return remember(key, 0);
    }
  }
  // Names found, none to go to: the reader switched their categories off.
  const someOff = Object.values(settings.categories).some((on) => !on);
  return tell(tabId, someOff && (await tabNamesStory(tabId, url)) ? 'categories-off' : 'no-names');
}

/**
 * A notice on the tab's page, shown by its top frame, where the reader looks (a
 * browser's own page, which Backstory cannot enter, shows none).
 */
async function tell(tabId: number, notice: PageNotice): Promise<void> {
  await sendToTab(tabId, { type: 'page/notice', notice });
}

/** How long a page read on the shortcut may take to find its first name, and how often it is asked. */
const READ_WAIT_MS = 5000;
const READ_POLL_MS = 200;

function remember(key: `session:${string}`, frameId: number): Promise<void> {
  return storage.setItem(key, frameId);
}

async function revealed(tabId: number, frameId: number, how: { fromStart?: boolean; wrap: boolean }): Promise<boolean> {
  const reply = await sendToTab(tabId, { type: 'page/next-mention', ...how }, frameId);
  return reply.ok && reply.revealed;
}

/** The frames of the tab's page that reported names, the top frame first; the top frame alone when none did (yet). */
async function framesNamingTheStory(tabId: number, url: string | undefined): Promise<number[]> {
  const frames = await framesWithNames(tabId, url);
  return frames.length > 0 ? frames : [0];
}

async function framesWithNames(tabId: number, url: string | undefined): Promise<number[]> {
  const found = await readTabFound(tabId);
  const ofPage = url === undefined ? found : framesOfPage(found, url);
  return Object.entries(ofPage)
    .filter(([, frame]) => Object.values(frame.counts).some((count) => count > 0))
    .map(([id]) => Number(id))
    .sort((a, b) => a - b);
}

/** Whether some frame of the tab's page reported names of the story, of any category. */
async function tabNamesStory(tabId: number, url: string | undefined): Promise<boolean> {
  return (await framesWithNames(tabId, url)).length > 0;
}
