import { i18n } from '#i18n';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { Citation } from '../core/story/schema';
import { showOpened } from './show-opened';

/**
 * "¶4" that expands to the exact sentence of the article the fact rests on.
 * `describedBy`: the fact it is the source of, which a screen reader reads
 * with it, so a list of the card's buttons is not twenty "paragraph 2"s alike.
 */
export function CitationToggle({ citation, describedBy }: { citation: Citation; describedBy?: string }) {
  const [open, setOpen] = useState(false);
  const quoteId = useId();
  const n = String(citation.paragraph);
  const headline = citation.paragraph === 0;
  const button = useRef<HTMLButtonElement>(null);
  const quote = useRef<HTMLQuoteElement>(null);
  useLayoutEffect(() => {
    if (open && quote.current && button.current) showOpened(quote.current, button.current);
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="citation"
        aria-expanded={open}
        aria-controls={quoteId}
        aria-describedby={describedBy}
        aria-label={headline ? i18n.t('citation.sourceHeadline') : i18n.t('citation.sourceParagraph', { n })}
        onClick={() => setOpen(!open)}
      >
        {headline ? i18n.t('citation.headline') : i18n.t('citation.paragraph', { n })}
      </button>
      {/* The sentence as the article has it, marks of its own and all: quotation marks around it would double a closing one. */}
      <blockquote ref={quote} id={quoteId} className="quote" hidden={!open}>
        {citation.quote}
      </blockquote>
    </>
  );
}
