/**
 * Citation checks: the guarantee that every fact shown to a reader is a sentence
 * the article really contains, in the paragraph the card says.
 */
import type { PathProblem } from './problems';
import type { Citation } from './schema';

/**
 * Line 1 of the article is the headline (paragraph 0); each further line is one
 * paragraph. A final newline is tolerated; blank lines elsewhere are kept so that
 * checkArticle can flag them instead of silently renumbering paragraphs.
 */
export function splitParagraphs(article: string): string[] {
  const lines = article.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Problems in the article itself; paths are `$[n]` for paragraph n. */
export function checkArticle(paragraphs: string[]): PathProblem[] {
  if (paragraphs.length === 0) return [{ path: '$', message: 'the article is empty' }];
  return paragraphs.flatMap((text, n) =>
    text.trim() === ''
      ? [{ path: `$[${n}]`, message: `paragraph ${n} is blank; every line must be one paragraph` }]
      : [],
  );
}

const EXCERPT = 30;
const MIN_AGREEMENT = 8;

/** The start of `text`, cut at a word boundary so the reader sees whole words. */
function excerpt(text: string): string {
  if (text.length <= EXCERPT) return text;
  const cut = text.lastIndexOf(' ', EXCERPT);
  return `${text.slice(0, cut > 0 ? cut : EXCERPT)}…`;
}

/** The end of `text`, likewise cut at a word boundary. */
function tail(text: string): string {
  if (text.length <= EXCERPT) return text;
  const cut = text.indexOf(' ', text.length - EXCERPT);
  return `…${text.slice(cut >= 0 ? cut + 1 : text.length - EXCERPT)}`;
}

/** Straight and curly forms compared as one, so a near miss can be explained. */
function foldQuotes(text: string): string {
  return text.replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');
}

function paragraphsContaining(paragraphs: string[], quote: string): number[] {
  return paragraphs.flatMap((text, n) => (text.includes(quote) ? [n] : []));
}

function describeMismatch(paragraph: string, quote: string, n: number): string {
  const folded = foldQuotes(paragraph).indexOf(foldQuotes(quote));
  if (folded >= 0) {
    const actual = paragraph.slice(folded, folded + quote.length);
    return `quote differs from paragraph ${n} only in quotation marks or apostrophes; the article reads “${actual}”`;
  }
  let matched = 0;
  while (matched < quote.length && paragraph.includes(quote.slice(0, matched + 1))) matched += 1;
  // A few shared letters say nothing about where the quote went wrong.
  if (matched < MIN_AGREEMENT) {
    return `quote “${excerpt(quote)}” is not in paragraph ${n} nor anywhere else in the article`;
  }
  const at = paragraph.indexOf(quote.slice(0, matched));
  const agreed = tail(quote.slice(0, matched));
  return (
    `quote is not verbatim in paragraph ${n}: after “${agreed}” the quote reads ` +
    `“${excerpt(quote.slice(matched))}” but the article reads “${excerpt(paragraph.slice(at + matched))}”`
  );
}

/**
 * Initials ("U.S.", "Vladimir V.") and titles ("Sen. Lindsey Graham", "Gen.", "Mr."): the platform's sentence rules end
 * a sentence after them when a capital follows.
 */
const ENDS_WITH_INITIALS = /(?:^|[^\p{L}.])(?:(?:\p{Lu}\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|St|No)\.)$/u;

/**
 * The whole sentences of `paragraph` that hold `quote` (its first occurrence
 * made of whole sentences, else its first): `quote` itself when it is made of
 * whole sentences. No sentence ends after initials, so "John Kirby of the U.S."
 * is no sentence of "John Kirby of the U.S. National Security Council expressed…".
 */
export function sentencesAround(paragraph: string, quote: string): string {
  const { starts, ends } = sentencesOf(paragraph);
  const first = paragraph.indexOf(quote);
  for (let at = first; at >= 0; at = paragraph.indexOf(quote, at + 1)) {
    if (starts.includes(at) && ends.includes(at + quote.length)) return quote;
  }
  const from = starts.findLast((start) => start <= first) ?? 0;
  const to = ends.find((end) => end >= first + quote.length) ?? paragraph.length;
  return paragraph.slice(from, to);
}

/** Where each sentence of `text` starts and ends (its trailing spaces left out). */
function sentencesOf(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const { index, segment } of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)) {
    const end = index + segment.trimEnd().length;
    if (starts.length > 0 && ENDS_WITH_INITIALS.test(text.slice(starts.at(-1)!, ends.at(-1)!))) ends[ends.length - 1] = end;
    else {
      starts.push(index);
      ends.push(end);
    }
  }
  return { starts, ends };
}

/** The sentences of `paragraph`, as a citation must quote them. */
export function sentencesIn(paragraph: string): string[] {
  const { starts, ends } = sentencesOf(paragraph);
  return starts.map((start, i) => paragraph.slice(start, ends[i]));
}

/** A citation of one whole sentence, verbatim: what the checks of a text against its sentence need. */
export const citesSentence = (citation: Citation, paragraphs: string[]): boolean => checkCitation(citation, paragraphs, '$').length === 0;

/** `at` is the JSON path of the citation object, e.g. `$[3].citation`. */
export function checkCitation(citation: Citation, paragraphs: string[], at: string): PathProblem[] {
  // An empty article is reported once by checkArticle, not once per citation.
  if (paragraphs.length === 0) return [];
  const { paragraph: n, quote } = citation;
  const text = paragraphs[n];
  if (text !== undefined && text.includes(quote)) {
    // The card promises the sentence a fact rests on: a clause cut out of it can drop what qualifies it ("Despite …, both deny").
    const sentences = sentencesAround(text, quote);
    if (sentences !== quote) return [{ path: `${at}.quote`, message: `quote must be whole sentences of paragraph ${n}; the article reads “${sentences}”` }];
    // One fact, one sentence: a fact resting on two can merge what each says apart into a claim neither makes.
    const count = sentencesOf(quote).starts.length;
    return count === 1 ? [] : [{ path: `${at}.quote`, message: `quote must be one sentence; it is ${count} sentences of paragraph ${n}` }];
  }

  const elsewhere = paragraphsContaining(paragraphs, quote);
  const whereItIs =
    elsewhere.length === 0 ? '' : `; the quote is in paragraph${elsewhere.length > 1 ? 's' : ''} ${elsewhere.join(', ')}`;
  if (text === undefined) {
    return [
      {
        path: `${at}.paragraph`,
        message: `paragraph ${n} does not exist; the article has paragraphs 0–${paragraphs.length - 1}${whereItIs}`,
      },
    ];
  }
  if (elsewhere.length > 0) {
    return [{ path: `${at}.paragraph`, message: `quote is not in paragraph ${n}${whereItIs}` }];
  }
  return [{ path: `${at}.quote`, message: describeMismatch(text, quote, n) }];
}
