import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { askEarly, earlyKey, takeEarly } from './early-requests';
import { sendMessageRetrying } from './send-message';

const STORY = { id: 's', headline: 'Headline', summary: [] };

beforeEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  fakeBrowser.reset();
});

/** The background as the popup meets it: what each request gets, and the requests in the order sent. */
function background(answer: (request: { type: string; tabId?: number }) => unknown) {
  const sent: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (request: { type: string; tabId?: number }) => {
    sent.push(request);
    return answer(request);
  }) as never);
  return sent;
}

it('asks for the story, the tab the popup is about and what that tab found, each taken once by the hook that needs it', async () => {
  const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/summit' });
  const sent = background((request) =>
    request.type === 'story/get' ? { ok: true, story: STORY } : { ok: true, url: 'https://news.example/summit', found: [], loading: false },
  );
  askEarly(`?tab=${tab.id}`);
  expect(sent).toEqual([{ type: 'story/get' }]);
  const target = await takeEarly(earlyKey.target(`?tab=${tab.id}`));
  expect(target).toEqual({ id: tab.id, url: 'https://news.example/summit', openedAsPage: true, incognito: false });
  expect(sent).toEqual([{ type: 'story/get' }, { type: 'tab/get', tabId: tab.id }]);

  // The hooks validate what was asked early as their own, and send nothing more.
  expect(await sendMessageRetrying({ type: 'story/get' }, takeEarly(earlyKey.story()))).toEqual({ ok: true, story: STORY });
  const found = await sendMessageRetrying({ type: 'tab/get', tabId: tab.id! }, takeEarly(earlyKey.tabFound(tab.id!)));
  expect(found).toEqual({ ok: true, url: 'https://news.example/summit', found: [], loading: false });
  expect(sent).toHaveLength(2);

  // Once taken, gone: a retry or a later change asks anew.
  expect(takeEarly(earlyKey.story())).toBeUndefined();
  expect(takeEarly(earlyKey.tabFound(tab.id!))).toBeUndefined();
  expect(takeEarly(earlyKey.tabFound(tab.id! + 1))).toBeUndefined();
});

it('asks nothing about a tab there is none of', async () => {
  const sent = background(() => ({ ok: true, story: STORY }));
  askEarly('?tab=999');
  expect(await takeEarly(earlyKey.target('?tab=999'))).toBeUndefined();
  expect(sent).toEqual([{ type: 'story/get' }]);
  takeEarly(earlyKey.story());
});

it('a background that failed the early question is asked again, as any first failure is', async () => {
  vi.useFakeTimers();
  let calls = 0;
  const sent = background(() => {
    calls += 1;
    if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { ok: true, story: STORY };
  });
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  try {
    askEarly('');
    const reply = sendMessageRetrying({ type: 'story/get' }, takeEarly(earlyKey.story()));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await reply).toEqual({ ok: true, story: STORY });
    expect(sent).toEqual([{ type: 'story/get' }, { type: 'story/get' }]);
    // Failed and never taken: no unhandled rejection either.
    askEarly('');
    await vi.advanceTimersByTimeAsync(10);
    expect(unhandled).not.toHaveBeenCalled();
  } finally {
    process.off('unhandledRejection', unhandled);
  }
});
