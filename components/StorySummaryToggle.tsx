import { i18n } from '#i18n';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { StorySummary } from '../core/messages/protocol';
import { sendMessageRetrying } from '../extension/send-message';
import { CitationToggle } from './CitationToggle';
import { showOpened } from './show-opened';

/** "About the story": its key points, fetched the first time a reader asks. */
export function StorySummaryToggle() {
  const [open, setOpen] = useState(false);
  const [story, setStory] = useState<StorySummary>();
  const [error, setError] = useState<string>();
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  // Again once the key points come: the panel grows from its "Loading…" line.
  useLayoutEffect(() => {
    if (open && panel.current && button.current) showOpened(panel.current, button.current);
  }, [open, story, error]);

  const asking = useRef(false);
  const ask = () => {
    if (story || asking.current) return;
    asking.current = true;
    setError(undefined);
    void sendMessageRetrying({ type: 'story/get' }).then((reply) => {
      asking.current = false;
      if (reply.ok) setStory(reply.story);
      else {
        console.warn('[Backstory] Could not load the story', reply.error);
        setError(reply.error);
      }
    });
  };
  const toggle = () => {
    setOpen(!open);
    // Opened again after it failed, it asks again: the background may be back.
    if (!open) ask();
  };

  return (
    <section className="story-summary">
      <button ref={button} type="button" className="link" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        {i18n.t('card.aboutStory')}
      </button>
      <div ref={panel} id={panelId} hidden={!open}>
        {error ? (
          <>
            {/* In the reader's words: the browser's reason is logged, not shown. */}
            <p role="alert">{i18n.t('popup.storyUnreachable')}</p>
            <button
              type="button"
              className="link"
              onClick={() => {
                // It goes with the error: the focus goes to the toggle, in the card, not to the page's <body>.
                button.current?.focus();
                ask();
              }}
            >
              {i18n.t('card.tryAgain')}
            </button>
          </>
        ) : !story ? (
          <p role="status">{i18n.t('card.loading')}</p>
        ) : (
          <>
            {/* In full here: the card's "From the story" line shows what fits on one line. */}
            <p className="story-headline">{story.headline}</p>
            <ul className="key-points">
              {story.summary.map((point, index) => (
                <li key={point.text}>
                  {/* Its source button is described by it, as a fact's is: a list of buttons would hold "paragraph 4"s alike. */}
                  <span id={`${panelId}-${index}`}>{point.text}</span> <CitationToggle citation={point.citation} describedBy={`${panelId}-${index}`} statement={point.text} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
