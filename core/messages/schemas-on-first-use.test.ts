import { expect, it, vi } from 'vitest';

// Counts the schemas of several parts built: objects, arrays and records.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('zod/mini', async (importOriginal) => {
  const z = await importOriginal<typeof import('zod/mini')>();
  const counted =
    <A extends unknown[], R>(make: (...args: A) => R) =>
    (...args: A): R => {
      built.count++;
      return make(...args);
    };
  return { ...z, object: counted(z.object), strictObject: counted(z.strictObject), array: counted(z.array), record: counted(z.record) };
});

it('the message tables, the story schema and the settings build no schema as they load: the first message of each kind does', async () => {
  // All the schemas the scripts injected into pages carry (the card script imports the whole table).
  const { parseReply, parsePageRequest, parsePageSideReply } = await import('./protocol');
  const { normalizeSettings, DEFAULT_SETTINGS } = await import('../settings');
  await import('../story/schema');
  expect(built.count).toBe(0);

  expect(parsePageRequest({ type: 'page/next-mention' })).toEqual({ ok: true, request: { type: 'page/next-mention' } });
  const afterOneRequest = built.count;
  expect(afterOneRequest).toBeGreaterThan(0);
  expect(parsePageSideReply('tab/found', { ok: true })).toEqual({ ok: true });
  expect(parseReply('tab/get', { ok: true, url: 'https://news.example/', found: [] })).toEqual({ ok: true, url: 'https://news.example/', found: [] });
  expect(normalizeSettings({ nonsense: true })).toEqual(DEFAULT_SETTINGS);
  const afterAll = built.count;
  expect(afterAll).toBeGreaterThan(afterOneRequest);

  // Built once: the same messages again build nothing more.
  parsePageRequest({ type: 'page/next-mention' });
  parseReply('tab/get', { ok: true, url: 'https://news.example/', found: [] });
  normalizeSettings({});
  expect(built.count).toBe(afterAll);
});
