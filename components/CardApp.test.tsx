// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { StoryDatabase } from '../background/db';
import { handleMessage } from '../background/handle-message';
import { createStoryService } from '../background/story-service';
import { loadPackSource, uniqueDbName } from '../background/test-support';
import type { CardApi, CardRequest } from '../page/card-bridge';
import { markOwnHost } from '../page/own-hosts';
import { useLocaleMessages } from '../tooling/locale-messages';
import { CardApp } from './CardApp';

const db = new StoryDatabase(uniqueDbName());
const service = createStoryService(db, loadPackSource());
beforeAll(() => useLocaleMessages());
afterAll(() => db.close());

let root: Root | undefined;
afterEach(() => {
  root?.unmount();
  root = undefined;
  document.body.replaceChildren();
  fakeBrowser.runtime.onMessage.removeAllListeners();
  vi.restoreAllMocks();
});

/**
 * The card app mounted in the page, its facts answered by the background's own
 * handler over the bundled story; `answer` holds each request's answer until it
 * resolves, as a background that is starting does.
 */
async function mountCard(answer: (reply: () => Promise<unknown>) => Promise<unknown> = (reply) => reply(), { hosted = false } = {}) {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    answer(() => handleMessage(message, { frameId: 0 }, { ready: service.ready, loadAnnotator: async () => true, loadUi: async () => {}, loadOverlay: async () => {} })),
  );
  // `hosted`: in a shadow root of one of our hosts, as the card script mounts it, so that the page's focus is told from ours.
  const host = document.body.appendChild(document.createElement('div'));
  if (hosted) markOwnHost(host);
  const container = hosted ? host.attachShadow({ mode: 'open' }).appendChild(document.createElement('div')) : host;
  const api = await new Promise<CardApi>((ready) => {
    root = createRoot(container);
    root.render(<CardApp onReady={ready} />);
  });
  const frame = () => container.querySelector<HTMLElement>('.card-frame');
  const title = () => frame()?.querySelector('h2')?.textContent;
  return { api, frame, title };
}

/** The card app with the background's answers held until `release`. */
async function mountHeldCard() {
  let release: () => void = () => {};
  const held = new Promise<void>((done) => (release = done));
  const mounted = await mountCard(async (reply) => {
    await held;
    return reply();
  });
  return { ...mounted, release };
}

const request = (entityId: string, more: Partial<CardRequest> = {}): CardRequest => ({
  entityId,
  anchor: { x: 10, y: 10, width: 40, height: 16 },
  ...more,
});

/** Lets React render what it was given and run its effects. */
const rendered = () => new Promise((done) => setTimeout(done, 20));
/** What React shows once it has rendered, however long a loaded host makes it wait. */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 5000 });

describe('the card opened from the keyboard', () => {
  it('settles its show only once its facts are shown and the focus is in it: the shortcut answers then', async () => {
    const { api, frame, title } = await mountCard();
    await api.show(request('north-korea', { focus: true }));
    expect(title()).toBe('North Korea');
    expect(document.activeElement).toBe(frame());
  });

  it('settles a show the background answers late only once the answer is shown', async () => {
    const { api, frame, title, release } = await mountHeldCard();
    let settled = false;
    const shown = api.show(request('vladimir-putin', { focus: true })).then(() => (settled = true));
    await rendered();
    expect(settled).toBe(false);
    expect(frame()?.textContent).toMatch(/Loading/);
    release();
    await shown;
    expect(title()).toBe('Vladimir Putin');
    expect(document.activeElement).toBe(frame());
  });

  it('settles a show replaced by another card before it showed, and the second once it is shown', async () => {
    const { api, frame, title, release } = await mountHeldCard();
    const first = api.show(request('vladimir-putin', { focus: true }));
    const second = api.show(request('north-korea', { focus: true }));
    await first;
    expect(title()).toBeUndefined();
    release();
    await second;
    expect(title()).toBe('North Korea');
    expect(document.activeElement).toBe(frame());
  });

  it('settles a show when the card is put away before it showed', async () => {
    const { api, frame } = await mountCard(() => new Promise(() => {}));
    const shown = api.show(request('north-korea', { focus: true }));
    api.hide();
    await shown;
    expect(frame()).toBeNull();
  });

  it('settles on a card that cannot be had, with why told and the focus in it', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { api, frame } = await mountCard();
    await api.show(request('no-such-entity', { focus: true }));
    expect(frame()?.querySelector('.card-status')?.textContent).toBe('Backstory could not load this card just now. It may be restarting after an update.');
    expect(warned).toHaveBeenCalledWith(expect.anything(), 'no-such-entity', 'Unknown entity "no-such-entity"');
    // The reader who asked from the keyboard is told why: the dialog is named by its status, and has the focus.
    expect(document.activeElement).toBe(frame());
    expect(document.getElementById(frame()!.getAttribute('aria-labelledby')!)?.textContent).toMatch(/could not load/);
  });

  it('that could not be had, asked for again by Try again once the background answers, shows its facts with the focus kept in it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let failing = true;
    const { api, frame, title } = await mountCard((reply) => (failing ? Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')) : reply()));
    await api.show(request('north-korea', { focus: true }));
    expect(frame()?.textContent).toContain('could not load this card just now');
    expect(frame()?.textContent).not.toContain('Receiving end');
    failing = false;
    const retry = [...frame()!.querySelectorAll('button')].find((button) => button.textContent === 'Try again')!;
    retry.focus();
    retry.click();
    await vi.waitFor(() => expect(title()).toBe('North Korea'));
    expect(document.activeElement).toBe(frame());
  });

  it('tells a Try again that failed again in the same live line as “Loading…”, which a screen reader reads out as its words change', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let asked = 0;
    const { api, frame } = await mountCard(() => (asked++, Promise.reject(new Error('Could not establish connection.'))));
    await api.show(request('north-korea', { focus: true }));
    const before = asked;
    const line = frame()!.querySelector('[role="status"]');
    expect(line?.textContent).toMatch(/could not load/);
    const retry = [...frame()!.querySelectorAll('button')].find((button) => button.textContent === 'Try again')!;
    retry.focus();
    retry.click();
    await vi.waitFor(() => expect(asked).toBeGreaterThan(before));
    await vi.waitFor(() => expect(frame()!.querySelectorAll('button.card-retry')).toHaveLength(1));
    expect(frame()!.querySelector('[role="status"]')).toBe(line);
    expect(line?.textContent).toMatch(/could not load/);
  });

  it('comes after a failed first ask when the background answers the second, with no error shown', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let asked = 0;
    const { api, title } = await mountCard((reply) => (++asked === 1 ? Promise.reject(new Error('Could not establish connection.')) : reply()));
    await api.show(request('north-korea', { focus: true }));
    expect(title()).toBe('North Korea');
    expect(asked).toBe(2);
  });

  it('keeps the facts a second open brought when the first open’s request fails after them, as a restarting background’s may', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const held: { answer: () => void; fail: () => void }[] = [];
    const { api, title } = await mountCard(
      (reply) => new Promise((resolve, reject) => held.push({ answer: () => resolve(reply()), fail: () => reject(new Error('Could not establish connection.')) })),
    );
    void api.show(request('north-korea'));
    const again = api.show(request('north-korea'));
    await eventually(() => expect(held).toHaveLength(2));
    held[1]!.answer();
    await again;
    expect(title()).toBe('North Korea');
    // The first open's request fails, and fails again when asked once more.
    held[0]!.fail();
    await vi.waitFor(() => expect(held).toHaveLength(3), { timeout: 2000 });
    held[2]!.fail();
    await rendered();
    expect(title()).toBe('North Korea');
    expect(document.querySelector('.status-error')).toBeNull();
  });

  it('settles a second open of a card still loading once the facts are in, and leaves the focus alone as they come again', async () => {
    const held: (() => void)[] = [];
    const { api, frame, title } = await mountCard(async (reply) => {
      await new Promise<void>((done) => held.push(done));
      return reply();
    });
    void api.show(request('north-korea', { focus: true }));
    const again = api.show(request('north-korea', { focus: true, anchor: { x: 10, y: 300, width: 40, height: 16 } }));
    await rendered();
    expect(held).toHaveLength(2);
    held[0]!();
    await again;
    expect(title()).toBe('North Korea');
    expect(document.activeElement).toBe(frame());
    const control = frame()!.querySelector<HTMLElement>('button, a[href]')!;
    control.focus();
    held[1]!();
    await rendered();
    expect(document.activeElement).toBe(control);
  });

  it('takes the focus again at each name the walk opens it for, but not when its name only moves with the page', async () => {
    const { api, frame } = await mountCard();
    await api.show(request('north-korea', { focus: true }));
    const control = frame()!.querySelector<HTMLElement>('button, a[href]')!;
    control.focus();
    api.move({ x: 10, y: 200, width: 40, height: 16 });
    await rendered();
    expect(document.activeElement).toBe(control);
    // The walk's next name is another mention of the same entity: the reader is at the card's start again.
    await api.show(request('north-korea', { focus: true, anchor: { x: 10, y: 400, width: 40, height: 16 } }));
    expect(document.activeElement).toBe(frame());
  });
});

describe('a related name opened from the card', () => {
  const button = (frame: HTMLElement | null, text: string) =>
    [...(frame?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent === text);

  it('shows its card by the name hovered, with the way back to the card it came from, and back again', async () => {
    const { api, frame, title } = await mountCard();
    await api.show(request('washington'));
    expect(button(frame(), '← Back to Washington')).toBeUndefined();
    button(frame(), 'Russia')!.click();
    await vi.waitFor(() => expect(title()).toBe('Russia'));
    // Before the title: the card stands by “Washington” on the page, and says so first.
    expect(frame()!.querySelector('button')!.textContent).toBe('← Back to Washington');
    button(frame(), 'Ukraine')!.click();
    await vi.waitFor(() => expect(title()).toBe('Ukraine'));
    button(frame(), '← Back to Russia')!.click();
    await vi.waitFor(() => expect(title()).toBe('Russia'));
    button(frame(), '← Back to Washington')!.click();
    await vi.waitFor(() => expect(title()).toBe('Washington'));
    expect(frame()!.textContent).not.toContain('Back to');
  });

  it('gives the focus back to the related name the reader left, at each step back', async () => {
    const { api, frame, title } = await mountCard();
    await api.show(request('washington'));
    button(frame(), 'Russia')!.focus();
    button(frame(), 'Russia')!.click();
    await vi.waitFor(() => expect(title()).toBe('Russia'));
    button(frame(), 'Ukraine')!.click();
    await vi.waitFor(() => expect(title()).toBe('Ukraine'));
    button(frame(), '← Back to Russia')!.focus();
    button(frame(), '← Back to Russia')!.click();
    await vi.waitFor(() => expect(title()).toBe('Russia'));
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Ukraine'));
    button(frame(), '← Back to Washington')!.focus();
    button(frame(), '← Back to Washington')!.click();
    await vi.waitFor(() => expect(title()).toBe('Washington'));
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Russia'));
  });

  it('starts afresh at the next name hovered: its card has no way back', async () => {
    const { api, frame, title } = await mountCard();
    await api.show(request('washington'));
    button(frame(), 'Russia')!.click();
    await rendered();
    await api.show(request('north-korea'));
    expect(title()).toBe('North Korea');
    expect(frame()!.textContent).not.toContain('Back to');
  });
});

describe('“About the story” in the card', () => {
  it('that could not load says so in the reader’s words, with Try again, and asks again when opened again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let failing = true;
    const { api, frame } = await mountCard();
    // Only the story's request fails: the card itself comes.
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
      failing && (message as { type?: string }).type === 'story/get'
        ? Promise.reject(new Error('Could not establish connection.'))
        : handleMessage(message, { frameId: 0 }, { ready: service.ready, loadAnnotator: async () => true, loadUi: async () => {}, loadOverlay: async () => {} }),
    );
    await api.show(request('north-korea'));
    const toggle = [...frame()!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'About the story')!;
    toggle.click();
    await vi.waitFor(() => expect(frame()!.querySelector('.story-summary [role="alert"]')?.textContent).toBe('Backstory could not load the story just now. It may be restarting after an update.'));
    failing = false;
    const retry = [...frame()!.querySelectorAll<HTMLButtonElement>('.story-summary button')].find((b) => b.textContent === 'Try again')!;
    retry.focus();
    retry.click();
    await vi.waitFor(() => expect(frame()!.querySelectorAll('.story-summary .key-points li').length).toBeGreaterThan(0));
    expect(document.activeElement).toBe(toggle);
  });
});

describe('the card of another name', () => {
  /** The sentences shown under their source buttons, and what the card unfolded ("About the story"). */
  const unfolded = (frame: HTMLElement | null) => [...(frame?.querySelectorAll('[aria-expanded="true"]') ?? [])].map((b) => b.textContent);
  const openQuotes = (frame: HTMLElement | null) => [...(frame?.querySelectorAll('blockquote:not([hidden])') ?? [])].map((q) => q.textContent);

  it('opens folded, from "Related" as from another name: the source the reader opened on the card before is not open on it', async () => {
    const { api, frame, title } = await mountCard();
    // As on a page: the card script fetches the cards of the page's names ahead, and shows them without a "Loading…" between.
    api.prefetch(['vladimir-putin', 'russia', 'north-korea']);
    await rendered();
    await api.show(request('vladimir-putin'));
    // The source of "President of Russia", under the title: Russia's card has one in the same place.
    frame()!.querySelector<HTMLButtonElement>('.card-meta .citation')!.click();
    await eventually(() => expect(openQuotes(frame())).toHaveLength(1));
    [...frame()!.querySelectorAll<HTMLButtonElement>('.related button')].find((b) => b.textContent === 'Russia')!.click();
    await vi.waitFor(() => expect(title()).toBe('Russia'));
    expect(unfolded(frame())).toEqual([]);
    expect(openQuotes(frame())).toEqual([]);

    frame()!.querySelector<HTMLButtonElement>('.card-meta .citation')!.click();
    await rendered();
    await api.show(request('north-korea'));
    expect(title()).toBe('North Korea');
    expect(unfolded(frame())).toEqual([]);
    expect(openQuotes(frame())).toEqual([]);
  });

  it('keeps the focus the reader had in the card (a source clicked), on the card itself, while the next name’s facts load and once they show', async () => {
    const held: (() => void)[] = [];
    const { api, frame, title } = await mountCard(async (reply) => {
      if (held.length > 0) await new Promise<void>((done) => held.push(done));
      else held.push(() => {});
      return reply();
    });
    await api.show(request('john-kirby'));
    const source = frame()!.querySelector<HTMLButtonElement>('.citation')!;
    source.focus();
    source.click();
    const next = api.show(request('vladimir-putin'));
    await eventually(() => expect(frame()?.textContent).toMatch(/Loading/));
    expect(document.activeElement).toBe(frame());
    held[1]!();
    await next;
    expect(title()).toBe('Vladimir Putin');
    expect(document.activeElement).toBe(frame());
  });

  it('gives the focus back as the page side puts it away, but where a press on the page closed it (focusBack: false), leaves it', async () => {
    const link = document.body.appendChild(document.createElement('a'));
    link.href = '#before';
    const { api, frame } = await mountCard(undefined, { hosted: true });
    const gaveBack: boolean[] = [];
    for (const how of [undefined, { focusBack: false as const }]) {
      link.focus();
      // No name's place measured here (no layout): the focus goes back to the link that had it.
      await api.show(request('russia', { focus: true, onFocusBack: (after) => gaveBack.push(after) }));
      expect(frame()?.getRootNode()).toHaveProperty('activeElement', frame());
      api.hide(how);
      // A render React schedules: on a busy machine, later than a fixed wait.
      await vi.waitFor(() => expect(frame()).toBeNull());
      // happy-dom leaves a shadow host active once what had the focus in its root is gone, where a browser gives it to <body>.
      if (how) expect(document.activeElement).not.toBe(link);
      else expect(document.activeElement).toBe(link);
    }
    expect(gaveBack).toEqual([]);
  });

  it('opened again for the same name after it closed, fades in once placed, as the first time: not shown before it is placed', async () => {
    const { api, frame } = await mountCard();
    await api.show(request('north-korea'));
    await eventually(() => expect(frame()?.dataset.placed).toBe('true'));
    api.hide();
    await vi.waitFor(() => expect(frame()).toBeNull(), { timeout: 5000 });
    // The frame's state as each one is put in the page, before anything placed it.
    const asPutIn: (string | undefined)[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node instanceof HTMLElement && node.classList.contains('card-frame')) asPutIn.push(node.dataset.placed);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    await api.show(request('north-korea'));
    await eventually(() => expect(frame()?.dataset.placed).toBe('true'));
    observer.disconnect();
    expect(asPutIn).toEqual(['false']);
  });

  it('leaves the card of the same name as the reader unfolded it, when the walk or the page moves it', async () => {
    const { api, frame } = await mountCard();
    await api.show(request('north-korea'));
    frame()!.querySelector<HTMLButtonElement>('.card-meta .citation')!.click();
    await rendered();
    api.move({ x: 10, y: 200, width: 40, height: 16 });
    await api.show(request('north-korea', { anchor: { x: 10, y: 400, width: 40, height: 16 } }));
    expect(openQuotes(frame())).toHaveLength(1);
  });
});

describe('the keyboard command’s notice', () => {
  const status = () => document.querySelector('.notice[role="status"]');

  it('stands empty from the start, says what the command did for a few seconds, then goes, and says the same words again as new', async () => {
    const { api } = await mountCard();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // The notice's time, faked; React renders on its own schedule (setImmediate), which is not.
    const after = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      await new Promise((done) => setImmediate(done));
    };
    try {
      // Present and empty before any notice: screen readers hear what comes into a region they already know.
      expect(status()?.textContent).toBe('');
      const gone = vi.fn();
      api.notice('no-names', gone);
      await after(0);
      expect(status()?.textContent).toBe('Backstory: No names from the story on this page.');
      const first = status()?.firstElementChild;
      await after(2000);
      // Pressed again: a new line, which a screen reader says again, and the time starts over.
      api.notice('no-names', gone);
      await after(0);
      expect(status()?.firstElementChild).not.toBe(first);
      await after(3000);
      expect(status()?.textContent).toContain('No names');
      expect(gone).not.toHaveBeenCalled();
      await after(1000);
      expect(status()?.textContent).toBe('');
      expect(gone).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says the site Backstory is off on, and the walk going round, beside an open card', async () => {
    const { api, title } = await mountCard();
    api.notice('off-on-site');
    await eventually(() =>
      expect(status()?.textContent).toBe(`Backstory: Off on ${location.hostname}. To see the story’s names here, switch off “Off on this site” in its toolbar popup.`),
    );
    await api.show(request('north-korea', { focus: true }));
    api.notice('round');
    await eventually(() => expect(status()?.textContent).toBe('Backstory: Back to the first name on the page.'));
    expect(title()).toBe('North Korea');
    api.notice('categories-off');
    await eventually(() => expect(status()?.textContent).toBe('Backstory: The story’s names on this page are of categories switched off in its toolbar popup.'));
    api.notice('reading');
    await eventually(() => expect(status()?.textContent).toBe('Backstory: Still reading this page for the story’s names. Press again in a moment.'));
  });
});
