import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createMatchState, decodeMatcher, matcherFrom } from '../core/matcher';
import { parseReply } from '../core/messages/protocol';
import { DEFAULT_SETTINGS } from '../core/settings';
import { updateSettings } from '../extension/settings-store';
import { StoryDatabase } from './db';
import { handleMessage, type HandlerContext } from './handle-message';
import { createStoryService } from './story-service';
import { loadPackSource, uniqueDbName } from './test-support';

const dbs: StoryDatabase[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function context(overrides: Partial<HandlerContext> = {}): HandlerContext {
  const db = new StoryDatabase(uniqueDbName());
  dbs.push(db);
  const service = createStoryService(db, loadPackSource());
  return { ready: service.ready, loadAnnotator: async () => true, loadUi: async () => {}, loadOverlay: async () => {}, ...overrides };
}

const tab = { tab: { id: 7 } as never, frameId: 0 };

describe('handleMessage', () => {
  it('answers story/get with the headline and cited key points', async () => {
    const reply = await handleMessage({ type: 'story/get' }, tab, context());
    expect(reply).toMatchObject({ ok: true, story: { id: 'putin-pyongyang-summit' } });
    if (reply.ok && 'story' in reply) {
      expect(reply.story.headline).toMatch(/^Putin Praises North Korea/);
      expect(reply.story.summary.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('answers matcher/get with the compiled story, each entity\'s category and the settings, and no prose', async () => {
    const reply = await handleMessage({ type: 'matcher/get' }, tab, context());
    if (!reply.ok || !('matcher' in reply)) throw new Error(JSON.stringify(reply));
    expect(reply.settings).toEqual(DEFAULT_SETTINGS);
    expect(reply.entities).toContainEqual({ id: 'vladimir-putin', category: 'person' });
    expect(reply.matcher.aliases).toContain('Vladimir Putin');
    expect(JSON.stringify(reply)).not.toContain('President of Russia');
    const found = matcherFrom(decodeMatcher(reply.matcher)).scan('Vladimir Putin flew to Pyongyang.', createMatchState());
    expect(found.map((span) => span.entityId)).toEqual(['vladimir-putin', 'pyongyang']);
  });

  it('refuses the matcher to a page where Backstory is switched off, everywhere or on its site', async () => {
    const page = { ...tab, url: 'https://news.example/story' };
    try {
      await updateSettings((settings) => ({ ...settings, offSites: ['news.example'] }));
      expect(await handleMessage({ type: 'matcher/get' }, page, context())).toEqual({ ok: false, error: 'Backstory is switched off here' });
      expect(await handleMessage({ type: 'matcher/get' }, { ...page, url: 'https://other.example/' }, context())).toMatchObject({ ok: true });
      await updateSettings((settings) => ({ ...settings, enabled: false }));
      expect(await handleMessage({ type: 'matcher/get' }, { ...page, url: 'https://other.example/' }, context())).toMatchObject({ ok: false });
    } finally {
      fakeBrowser.reset();
    }
  });

  it('applies "Off on this site" to every frame of a tab on that site: an embedded frame, a srcdoc frame without a host', async () => {
    const tabOn = (url: string) => ({ tab: { id: 7, url: 'https://news.example/story' } as never, frameId: 4, url });
    try {
      expect(await handleMessage({ type: 'matcher/get' }, tabOn('about:srcdoc'), context())).toMatchObject({ ok: true, site: 'news.example' });
      await updateSettings((settings) => ({ ...settings, offSites: ['news.example'] }));
      for (const url of ['about:srcdoc', 'https://embed.example/ticker']) {
        expect(await handleMessage({ type: 'matcher/get' }, tabOn(url), context())).toEqual({ ok: false, error: 'Backstory is switched off here' });
      }
    } finally {
      fakeBrowser.reset();
    }
  });

  it('answers entity/get with the facts about the entity and the entities they name', async () => {
    const reply = await handleMessage({ type: 'entity/get', entityId: 'north-korea' }, tab, context());
    if (!reply.ok || !('card' in reply)) throw new Error(JSON.stringify(reply));
    expect(reply.card.entity.sanctions?.sanctioned).toBe(true);
    expect(reply.card.facts.some((f) => f.kind === 'accusation')).toBe(true);
    expect(reply.card.facts.some((f) => f.kind === 'denial')).toBe(true);
    expect(reply.card.refs.map((r) => r.id)).toContain('russia');
  });

  it('lists a card’s facts in the order the article tells them, within a paragraph too', async () => {
    const reply = await handleMessage({ type: 'entity/get', entityId: 'vladimir-putin' }, tab, context());
    if (!reply.ok || !('card' in reply)) throw new Error(JSON.stringify(reply));
    const texts = reply.card.facts.map((fact) => fact.text);
    const at = (start: string) => texts.findIndex((text) => text.startsWith(start));
    // ¶1: “expressed gratitude … and announced plans”; ¶2: “to develop new trade … and to jointly oppose”.
    expect(at('Putin expressed gratitude')).toBeGreaterThanOrEqual(0);
    expect(at('Putin expressed gratitude')).toBeLessThan(at('Putin announced plans'));
    expect(at('In an op-ed, Putin highlighted')).toBeLessThan(at('In an op-ed, Putin emphasized'));
    expect(at('Putin mentioned plans to develop')).toBeLessThan(at('Putin mentioned plans to jointly oppose'));
    expect(reply.card.facts.map((fact) => fact.citation.paragraph)).toEqual(reply.card.facts.map((fact) => fact.citation.paragraph).sort((a, b) => a - b));
  });

  it('sends a description with the sentence it cites, through the reply’s validation as the card receives it', async () => {
    const reply = parseReply('entity/get', await handleMessage({ type: 'entity/get', entityId: 'pyongyang' }, tab, context()));
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.card.entity.descriptionCitation).toEqual({
      paragraph: 1,
      quote: 'His comments were published in North Korean state media as he headed to Pyongyang for a summit with Kim Jong Un on Tuesday.',
    });
  });

  it('includes what a person said among their facts', async () => {
    const reply = await handleMessage({ type: 'entity/get', entityId: 'john-kirby' }, tab, context());
    if (!reply.ok || !('card' in reply)) throw new Error(JSON.stringify(reply));
    expect(reply.card.facts.some((f) => f.kind === 'statement' && f.speaker === 'john-kirby')).toBe(true);
  });

  it.each([
    ['not an object', 'hello'],
    ['no type', {}],
    ['an unknown type', { type: 'db/drop' }],
    ['a bad id', { type: 'entity/get', entityId: 'North Korea' }],
    ['a missing field', { type: 'entity/get' }],
    ['too many ids', { type: 'entities/get', entityIds: Array.from({ length: 501 }, () => 'x') }],
    ['a report of too many names', { type: 'tab/found', url: 'https://news.example/', counts: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`entity-${i}`, 1])) }],
  ])('replies with an error to a malformed message: %s', async (_label, message) => {
    const reply = await handleMessage(message, tab, context());
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/Malformed request/) });
  });

  it('replies with an error, not a throw, to a message that throws as it is read', async () => {
    // Structured cloning forbids such a message from a page; an extension page's own call has no such guard.
    const hostile = {
      get type(): string {
        throw new Error('read refused');
      },
    };
    await expect(handleMessage(hostile, tab, context())).resolves.toEqual({ ok: false, error: 'read refused' });
  });

  it('replies with an error, not a throw, for an unknown entity', async () => {
    const reply = await handleMessage({ type: 'entity/get', entityId: 'atlantis' }, tab, context());
    expect(reply).toEqual({ ok: false, error: 'Unknown entity "atlantis"' });
  });

  it('replies with an error when loading the UI fails', async () => {
    const loadUi = vi.fn().mockRejectedValue(new Error('Cannot access contents of the page'));
    const reply = await handleMessage({ type: 'ui/load' }, tab, context({ loadUi }));
    expect(reply).toEqual({ ok: false, error: 'Cannot access contents of the page' });
  });

  it('loads the annotator into the frame whose screen found a name of the story, and says whether it did', async () => {
    const loadAnnotator = vi.fn().mockResolvedValue(true);
    const sender = { tab: { id: 7 } as never, frameId: 2 };
    expect(await handleMessage({ type: 'page/annotate' }, sender, context({ loadAnnotator }))).toEqual({ ok: true, annotated: true });
    expect(loadAnnotator).toHaveBeenCalledWith(sender);
    loadAnnotator.mockResolvedValue(false);
    expect(await handleMessage({ type: 'page/annotate' }, sender, context({ loadAnnotator }))).toEqual({ ok: true, annotated: false });
  });

  it('loads the overlay painter into the frame of a browser without the Highlight API', async () => {
    const loadOverlay = vi.fn().mockResolvedValue(undefined);
    const sender = { tab: { id: 7 } as never, frameId: 3 };
    expect(await handleMessage({ type: 'painter/load' }, sender, context({ loadOverlay }))).toEqual({ ok: true });
    expect(loadOverlay).toHaveBeenCalledWith(sender);
  });

  it('serves the data after a restart: a new service over the same database finds it stored', async () => {
    const name = uniqueDbName();
    const first = new StoryDatabase(name);
    await createStoryService(first, loadPackSource()).ready();
    first.close();
    const second = new StoryDatabase(name);
    dbs.push(second);
    const log = { error: vi.fn() };
    // A restarted worker with a broken bundle still serves what was stored, and says why it did not reseed.
    const broken = loadPackSource();
    (broken.files.entities as { category: string }[])[0]!.category = 'planet';
    const service = createStoryService(second, broken, log);
    const reply = await handleMessage({ type: 'story/get' }, tab, { ready: service.ready, loadAnnotator: async () => true, loadUi: async () => {}, loadOverlay: async () => {} });
    expect(reply.ok).toBe(true);
    expect(log.error).toHaveBeenCalledWith(expect.stringMatching(/entities\.json .*category/));
  });
});

describe('contested claims', () => {
  it('never shows a denial without the accusation it answers', async () => {
    const reply = await handleMessage({ type: 'entity/get', entityId: 'pyongyang' }, tab, context());
    if (!reply.ok || !('card' in reply)) throw new Error(JSON.stringify(reply));
    const kinds = reply.card.facts.map((f) => f.kind);
    expect(kinds).toContain('denial');
    expect(kinds).toContain('accusation');
  });

  it('shows every side of a dispute on every card: Moscow’s denial brings the accusation it answers', async () => {
    const ctx = context();
    const entities = loadPackSource().files.entities as { id: string }[];
    for (const entity of entities) {
      const reply = await handleMessage({ type: 'entity/get', entityId: entity.id }, tab, ctx);
      if (!reply.ok || !('card' in reply)) throw new Error(JSON.stringify(reply));
      const shown = new Set(reply.card.facts.map((f) => f.id));
      for (const fact of reply.card.facts) for (const other of fact.contests) expect(shown, `${entity.id}: ${fact.id} → ${other}`).toContain(other);
    }
    const factsOf = async (entityId: string) => {
      const reply = await handleMessage({ type: 'entity/get', entityId }, tab, ctx);
      if (!reply.ok || !('card' in reply)) throw new Error(JSON.stringify(reply));
      return reply.card.facts.map((f) => f.id);
    };
    expect(await factsOf('moscow')).toEqual(expect.arrayContaining(['weapons-supply-denial', 'weapons-supply-accusation']));
    // Neither names Ukraine: its card has ¶3's concern over an arms arrangement, which no denial answers.
    const ukraine = await factsOf('ukraine');
    expect(ukraine).toContain('arms-arrangement-concerns');
    expect(ukraine).not.toContain('weapons-supply-denial');
  });
});
