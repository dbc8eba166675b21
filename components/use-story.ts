import { useCallback, useEffect, useState } from 'react';
import type { StorySummary } from '../core/messages/protocol';
import { earlyKey, takeEarly } from '../extension/early-requests';
import { sendMessageRetrying } from '../extension/send-message';
import { LOADING, type Loadable } from './loadable';

/** The story at a glance, and a way to ask again after it failed. */
export function useStory(): [Loadable<StorySummary>, () => void] {
  const [story, setStory] = useState<Loadable<StorySummary>>(LOADING);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setStory(LOADING);
    void sendMessageRetrying({ type: 'story/get' }, takeEarly(earlyKey.story())).then((reply) => {
      if (live) setStory(reply.ok ? { status: 'ready', value: reply.story } : { status: 'error', error: reply.error });
    });
    return () => {
      live = false;
    };
  }, [attempt]);
  return [story, useCallback(() => setAttempt((n) => n + 1), [])];
}
