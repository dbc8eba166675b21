import { describe, expect, it, vi } from 'vitest';
import { compileStory, encodeMatcher } from '../core/matcher';
import { DEFAULT_SETTINGS } from '../core/settings';
import { SUMMIT_ENTITIES } from '../tests/fixtures/summit-entities';
import { leaveMatcherReply, takeMatcherReply } from './annotator-keys';
import { firstMatcherReply } from './matcher-reply';

const reply = {
  ok: true,
  storyId: 'putin-pyongyang-summit',
  entities: [{ id: 'vladimir-putin', category: 'person' }],
  matcher: encodeMatcher(compileStory(SUMMIT_ENTITIES)),
  settings: DEFAULT_SETTINGS,
  site: 'news.example',
};

describe('the reply to the annotator\'s first request, asked for early by the screen', () => {
  it('is left by the screen and taken by the annotator, once', async () => {
    const world = {};
    leaveMatcherReply(Promise.resolve(reply), world);
    const taken = takeMatcherReply(world);
    expect(await taken).toEqual(reply);
    expect(takeMatcherReply(world)).toBeUndefined();
  });

  it('is what the annotator starts from when it is a valid reply: it need not ask', async () => {
    const ask = vi.fn();
    expect(await firstMatcherReply(Promise.resolve(JSON.parse(JSON.stringify(reply))), ask)).toEqual(reply);
    expect(ask).not.toHaveBeenCalled();
  });

  it('is asked for again when none came, it failed, or it is not a valid reply', async () => {
    const early = [
      undefined,
      Promise.resolve(undefined),
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      Promise.resolve({ ok: false, error: 'Backstory is switched off here' }),
      Promise.resolve({ ...reply, matcher: { ...reply.matcher, tables: 42 } }),
    ];
    for (const pending of early) {
      const ask = vi.fn().mockResolvedValue(reply);
      expect(await firstMatcherReply(pending, ask)).toEqual(reply);
      expect(ask).toHaveBeenCalledOnce();
    }
  });
});
