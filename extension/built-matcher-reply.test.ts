import { describe, expect, it } from 'vitest';
import { compileStory, createMatchState, decodeMatcher, encodeMatcher, matcherFrom } from '../core/matcher';
import { parsePageSideReply } from '../core/messages/page-protocol';
import { SETTINGS_KEY, OFF_SITE_PREFIX } from './settings-key';
import { builtMatcherReply, isBuiltMatcher } from './built-matcher-reply';
import { leaveLocalStart, takeLocalStart } from './annotator-keys';

const built = __BACKSTORY_BUILT_MATCHER__!;
const start = (servedPack: unknown, items: Record<string, unknown> = {}) => ({ items, site: 'news.example', servedPack });

describe('the first reply of an annotator the page imported itself', () => {
  it('is the matcher the build compiled when the database serves that pack: a valid reply that finds the story’s names', async () => {
    const raw = await builtMatcherReply(start(built.packHash));
    const reply = parsePageSideReply('matcher/get', raw);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.site).toBe('news.example');
    expect(reply.settings).toEqual({ enabled: true, categories: { person: true, country: true, organization: true, place: true }, offSites: [] });
    expect(reply.entities).toContainEqual({ id: 'john-kirby', category: 'person' });
    const matcher = matcherFrom(decodeMatcher(reply.matcher));
    const found = matcher.scan('John Kirby said Pyongyang and Moscow deny it.', createMatchState()).map((m) => m.entityId);
    expect(found).toEqual(['john-kirby', 'pyongyang', 'moscow']);
  });

  it('carries the reader’s switches as stored, and of the sites switched off only its own, as the worker sends them', async () => {
    const items = {
      [SETTINGS_KEY]: { enabled: true, categories: { person: true, country: false, organization: true, place: true }, offSites: ['other.example'] },
      [`${OFF_SITE_PREFIX}third.example`]: true,
    };
    const reply = parsePageSideReply('matcher/get', await builtMatcherReply(start(built.packHash, items)));
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.settings).toEqual({ enabled: true, categories: { person: true, country: false, organization: true, place: true }, offSites: [] });
  });

  it('is none when the database holds another pack’s rows, or none yet: the annotator asks the worker', () => {
    expect(builtMatcherReply(start('an older pack'))).toBeUndefined();
    expect(builtMatcherReply(start(undefined))).toBeUndefined();
    expect(builtMatcherReply(undefined)).toBeUndefined();
    // A build whose pack did not parse compiled none.
    expect(builtMatcherReply(start(built.packHash), null)).toBeUndefined();
  });

  it('is told apart: its own matcher, or a worker’s for the same pack, is the build’s; another story’s is not', async () => {
    const ours = builtMatcherReply(start(built.packHash));
    const reply = parsePageSideReply('matcher/get', await ours);
    if (!reply.ok) throw new Error(reply.error);
    expect(await isBuiltMatcher(reply.matcher, ours)).toBe(true);
    expect(await isBuiltMatcher(JSON.parse(JSON.stringify(built.value.matcher)), ours)).toBe(true);
    const another = encodeMatcher(compileStory([{ id: 'someone', name: 'Someone Else', category: 'person', aliases: [] }]));
    expect(await isBuiltMatcher(another, ours)).toBe(false);
    // No local start, or one the build's matcher did not serve: the worker's reply is checked whole.
    expect(await isBuiltMatcher(reply.matcher, undefined)).toBe(false);
    expect(await isBuiltMatcher(reply.matcher, builtMatcherReply(start('an older pack')))).toBe(false);
  });

  it('starts from what the screen left, taken once', () => {
    const world = {};
    leaveLocalStart(start(built.packHash), world);
    expect(takeLocalStart(world)).toEqual(start(built.packHash));
    expect(takeLocalStart(world)).toBeUndefined();
  });
});
