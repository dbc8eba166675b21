import { i18n } from '#i18n';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { Citation } from '../core/story/schema';
import { showOpened } from './show-opened';

/**
 * "¶4" that expands to the exact sentence of the article the fact rests on.
 * `describedBy`: the fact it is the source of, which a screen reader reads
 * with it, so a list of the card's buttons is not twenty "paragraph 2"s alike.
 * `statement`: the fact's own text. When it is the sentence word for word,
 * opening the source would show the same sentence again right below it, so
 * the source is a plain mark that says so instead of a button.
 */
export function CitationToggle({ citation, describedBy, statement }: { citation: Citation; describedBy?: string; statement?: string }) {
  const [open, setOpen] = useState(false);
  const quoteId = useId();
  const n = String(citation.paragraph);
  const headline = citation.paragraph === 0;
  const button = useRef<HTMLButtonElement>(null);
  const quote = useRef<HTMLQuoteElement>(null);
  useLayoutEffect(() => {
    if (open && quote.current && button.current) showOpened(quote.current, button.current);
  }, [open]);
  const shown = headline ? i18n.t('citation.headline') : i18n.t('citation.paragraph', { n });
  if (statement === citation.quote) {
    const said = headline ? i18n.t('citation.verbatimHeadline') : i18n.t('citation.verbatimParagraph', { n });
    return (
      <span className="citation-verbatim">
        {/* Read once, in words: "pilcrow 5" tells a listener nothing. Its tooltip, for the eye, with the mark: on the whole, it
            was the words' description as well, read again after them. */}
        <span aria-hidden="true" title={said}>
          {shown}
        </span>
        <span className="visually-hidden">{said}</span>
      </span>
    );
  }
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
        {shown}
      </button>
      {/* The sentence as the article has it, marks of its own and all: quotation marks around it would double a closing one. */}
      <blockquote ref={quote} id={quoteId} className="quote" hidden={!open}>
        {citation.quote}
      </blockquote>
    </>
  );
}
