import { describe, expect, it } from 'vitest';
import { createMatchState, decodeMatcher, matcherFrom } from '../core/matcher';
import { parsePageSideReply } from '../core/messages/page-protocol';
import { SETTINGS_KEY, OFF_SITE_PREFIX } from './settings-key';
import { builtMatcherReply } from './built-matcher-reply';
import { leaveLocalStart, takeLocalStart } from './annotator-keys';

const built = __BACKSTORY_BUILT_MATCHER__!;
const start = (servedPack: unknown, items: Record<string, unknown> = {}) => ({ items, site: 'news.example', servedPack });

describe('the first reply of an annotator the page imported itself', () => {
  it('is the matcher the build compiled when the database serves that pack: a valid reply as it stands, that finds the story’s names', () => {
    const reply = builtMatcherReply(start(built.packHash));
    if (!reply) throw new Error('no reply');
    // The annotator takes it unparsed: parsing it as a worker's reply would change nothing.
    expect(parsePageSideReply('matcher/get', reply)).toEqual(reply);
    expect(reply.site).toBe('news.example');
    expect(reply.settings).toEqual({ enabled: true, categories: { person: true, country: true, organization: true, place: true }, offSites: [] });
    expect(reply.entities).toContainEqual({ id: 'john-kirby', category: 'person' });
    // Decoded as the annotator decodes it, without the trie's checks the build made.
    const matcher = matcherFrom(decodeMatcher(reply.matcher, { built: true }));
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

  it('starts from what the screen left, taken once', () => {
    const world = {};
    leaveLocalStart(start(built.packHash), world);
    expect(takeLocalStart(world)).toEqual(start(built.packHash));
    expect(takeLocalStart(world)).toBeUndefined();
  });
});
