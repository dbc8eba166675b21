import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimFrame, DOCUMENT_START, documentStart } from './story-keys';

const SLEPT_MS = 2 * 60 * 60 * 1000;

/**
 * A document that began at `began` on the wall clock, read at `now`, in a process that turned its monotonic clock into
 * time origins with an offset `behindMs` short: begun before the computer slept for that long, whose monotonic clock
 * stopped meanwhile (Chromium on macOS and Linux; w3c/hr-time#115).
 */
function clocksOf({ began, now, behindMs = 0 }: { began: number; now: number; behindMs?: number }) {
  vi.spyOn(Date, 'now').mockReturnValue(now);
  vi.stubGlobal('performance', { timeOrigin: began - behindMs, now: () => now - began });
}

describe('claimFrame', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('lets the script on every page run once a frame, however often it is put there', () => {
    const frame = {};
    expect(claimFrame(frame)).toBe(true);
    expect(claimFrame(frame)).toBe(false);
    expect(claimFrame({})).toBe(true);
  });

  it('notes when the frame’s document began as the script on every page starts there', () => {
    clocksOf({ began: 1_700_000_000_000, now: 1_700_000_000_250 });
    const frame = {};
    claimFrame(frame);
    clocksOf({ began: 1_700_000_000_000, now: 1_700_000_009_000 });
    expect(documentStart(DOCUMENT_START, frame)).toBe(1_700_000_000_000);
  });
});

describe('when a document began', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('is read on the wall clock, the same in every process: a frame in a process begun before the computer slept is not read as begun hours before its page', () => {
    const page = {};
    const frame = {};
    // The page began in a process made after the sleep; its frame 300 ms later, in a process made before it.
    clocksOf({ began: 1_700_000_000_000, now: 1_700_000_000_100 });
    const pageBegan = documentStart(DOCUMENT_START, page)!;
    clocksOf({ began: 1_700_000_000_300, now: 1_700_000_000_400, behindMs: SLEPT_MS });
    const frameBegan = documentStart(DOCUMENT_START, frame)!;
    expect(performance.timeOrigin).toBeLessThan(pageBegan);
    expect(frameBegan - pageBegan).toBe(300);
  });

  it('is read once, and the same number told whenever asked after: each report of the document carries it', () => {
    const frame = {};
    clocksOf({ began: 1_700_000_000_000, now: 1_700_000_000_100 });
    const first = documentStart(DOCUMENT_START, frame);
    // The computer slept since: read again now, the wall clock less what the document's clock counted would come out later.
    clocksOf({ began: 1_700_000_000_000 + SLEPT_MS, now: 1_700_000_000_200 + SLEPT_MS });
    expect(documentStart(DOCUMENT_START, frame)).toBe(first);
  });

  it('first asked a minute or more after the document began (a page open since before the script came), is unknown: a sleep since would make it hours late, its frames a page before', () => {
    const frame = {};
    clocksOf({ began: 1_700_000_000_000, now: 1_700_000_060_000 + SLEPT_MS });
    expect(documentStart(DOCUMENT_START, frame)).toBeUndefined();
    // And stays so: not noted later either.
    clocksOf({ began: 1_700_000_000_000, now: 1_700_000_000_100 });
    expect(documentStart(DOCUMENT_START, frame)).toBeUndefined();
    clocksOf({ began: 1_700_000_000_000, now: 1_700_000_059_000 });
    expect(documentStart(DOCUMENT_START, {})).toBe(1_700_000_000_000);
  });

  it('runs where the background’s probes put it: alone, using nothing but its arguments and its world’s globals', () => {
    clocksOf({ began: 1_700_000_000_000, now: 1_700_000_000_100 });
    // As the browser serialises it for a frame.
    const serialised = new Function(`return (${documentStart.toString()})`)() as typeof documentStart;
    const world = {};
    expect(serialised(DOCUMENT_START, world)).toBe(1_700_000_000_000);
    expect(documentStart(DOCUMENT_START, world)).toBe(1_700_000_000_000);
  });
});
