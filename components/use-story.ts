import { useEffect, useState } from 'react';
import type { StorySummary } from '../core/messages/protocol';
import { sendMessage } from '../extension/send-message';
import { LOADING, type Loadable } from './loadable';

export function useStory(): Loadable<StorySummary> {
  const [story, setStory] = useState<Loadable<StorySummary>>(LOADING);
  useEffect(() => {
    let live = true;
    void sendMessage({ type: 'story/get' }).then((reply) => {
      if (live) setStory(reply.ok ? { status: 'ready', value: reply.story } : { status: 'error', error: reply.error });
    });
    return () => {
      live = false;
    };
  }, []);
  return story;
}
