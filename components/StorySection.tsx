import { i18n } from '#i18n';
import { useId } from 'react';
import type { StorySummary } from '../core/messages/protocol';
import { CitationToggle } from './CitationToggle';
import { FailedWithRetry } from './FailedWithRetry';
import type { Loadable } from './loadable';

/** The story's key points, each citing the article; its headline heads the popup (StoryHeadline). */
export function StorySection({ story, onRetry }: { story: Loadable<StorySummary>; onRetry: () => void }) {
  const pointId = useId();
  const titleId = useId();
  return (
    // Named, as the popup's other parts are: an unnamed section is no landmark, and a reader jumping by landmarks skipped it.
    // Loading or failed, it is the same section under the same heading, set apart from the others as they are.
    <section className="story" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title" tabIndex={-1}>
        {i18n.t('popup.keyPoints')}
      </h2>
      {story.status === 'loading' ? (
        <p className="status" role="status">
          {i18n.t('popup.loading')}
        </p>
      ) : story.status === 'error' ? (
        <FailedWithRetry message={i18n.t('popup.storyUnreachable')} onRetry={onRetry} />
      ) : (
        <ul className="key-points">
          {story.value.summary.map((point, index) => (
            <li key={point.text}>
              {/* Its source button is described by it, as in the card: a list of buttons would hold "paragraph 1"s alike. */}
              <span id={`${pointId}-${index}`}>{point.text}</span> <CitationToggle citation={point.citation} describedBy={`${pointId}-${index}`} statement={point.text} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The story's headline, at the top of the popup. The key points come after
 * what the tab mentions: at the popup's most, 600 px, five key points first
 * left the page's names below the fold.
 */
export function StoryHeadline({ story }: { story: Loadable<StorySummary> }) {
  return story.status === 'ready' ? <h1 className="headline">{story.value.headline}</h1> : null;
}
