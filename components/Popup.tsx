import { useEffect, useState } from 'react';
import type { StorySummary } from '../core/messages/protocol';
import { sendMessage } from '../extension/send-message';
import { CitationToggle } from './EntityCardView';

/** The toolbar popup: the story at a glance. */
export function Popup() {
  const [story, setStory] = useState<StorySummary>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    void sendMessage({ type: 'story/get' }).then((reply) => {
      if (reply.ok) setStory(reply.story);
      else setError(reply.error);
    });
  }, []);

  return (
    <main className="popup">
      <p className="brand">Backstory</p>
      {error ? (
        <p role="alert">Backstory could not load the story: {error}</p>
      ) : !story ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <h1 className="headline">{story.headline}</h1>
          <h2 className="section-title">Key points</h2>
          <ul className="key-points">
            {story.summary.map((point) => (
              <li key={point.text}>
                {point.text} <CitationToggle citation={point.citation} />
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
