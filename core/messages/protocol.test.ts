import { describe, expect, it } from 'vitest';
import { parsePageReply, parsePageRequest, parseReply, parseRequest } from './protocol';

describe('messages into a page', () => {
  it('accepts the requests of the page protocol', () => {
    expect(parsePageRequest({ type: 'page/reveal', entityId: 'north-korea' })).toEqual({
      ok: true,
      request: { type: 'page/reveal', entityId: 'north-korea' },
    });
    expect(parsePageRequest({ type: 'page/next-mention' })).toEqual({ ok: true, request: { type: 'page/next-mention' } });
  });

  it.each([
    ['not an object', 42],
    ['a background request', { type: 'story/get' }],
    ['a bad entity id', { type: 'page/reveal', entityId: 'North Korea' }],
    ['no entity id', { type: 'page/reveal' }],
  ])('rejects %s', (_label, raw) => {
    expect(parsePageRequest(raw)).toMatchObject({ ok: false, error: expect.stringMatching(/Malformed request/) });
  });

  it('keeps the two protocols apart', () => {
    expect(parseRequest({ type: 'page/next-mention' }).ok).toBe(false);
  });

  it('validates replies like the background protocol does', () => {
    expect(parsePageReply('page/reveal', { ok: true, revealed: false })).toEqual({ ok: true, revealed: false });
    expect(parsePageReply('page/reveal', { ok: false, error: 'gone' })).toEqual({ ok: false, error: 'gone' });
    expect(parsePageReply('page/reveal', { ok: true })).toMatchObject({ ok: false });
    expect(parsePageReply('page/reveal', undefined)).toEqual({ ok: false, error: 'Malformed reply to page/reveal' });
    expect(parseReply('tab/get', { ok: true, url: 'u', found: [] })).toEqual({ ok: true, url: 'u', found: [] });
  });
});

describe('a page’s report of what it found', () => {
  const report = (names: number) => ({ type: 'tab/found', url: 'https://news.example/', counts: Object.fromEntries(Array.from({ length: names }, (_, i) => [`entity-${i}`, 1])) });

  it('carries as many names as entities/get asks for, and no more', () => {
    expect(parseRequest(report(500)).ok).toBe(true);
    expect(parseRequest(report(501))).toMatchObject({ ok: false, error: expect.stringMatching(/Malformed request/) });
  });
});
