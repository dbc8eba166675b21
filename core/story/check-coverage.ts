/**
 * What the pack leaves out. A card shows facts, so a sentence of the article that
 * no fact cites is a part of the story no reader can see on one: dropping the
 * denial, or every fact of the South Korean Foreign Ministry with its entity, would
 * leave a pack that only says less. And a sentence that tells of an accusation and
 * its denial must give both, as facts that contest each other, so no card shows one
 * side alone.
 */
import type { Indexed } from './check-references';
import { sentencesIn } from './citations';
import type { PathProblem } from './problems';
import type { Fact } from './schema';

const ACCUSES = /\baccus/i;
const DENIES = /\b(?:deny|deni(?:al|als|ed|es)\b)/i;
/** "Reporters were denied access": no one denies a claim there. */
const DENIED_SOMETHING = /\b(?:is|are|was|were|be|been|being|get|gets|got)\s+denied\b/gi;

/** Key points are left out: a card never shows them, and one standing for a sentence ("John Kirby … expressed concern") keeps it off every card. */
export function checkCoverage(facts: Indexed<Fact>[], paragraphs: readonly string[]): PathProblem[] {
  return paragraphs.slice(1).flatMap((paragraph, i) =>
    sentencesIn(paragraph).flatMap((sentence) => sentenceProblems(sentence, i + 1, facts).map((message) => ({ path: '$', message }))),
  );
}

function sentenceProblems(sentence: string, paragraph: number, facts: Indexed<Fact>[]): string[] {
  const citing = facts.map((f) => f.value).filter(({ citation }) => citation.paragraph === paragraph && citation.quote === sentence);
  const shown = `paragraph ${paragraph}’s sentence “${sentence}”`;
  if (citing.length === 0) return [`no fact cites ${shown}: no card can show what it says`];
  const accusations = citing.filter((fact) => fact.kind === 'accusation');
  const denials = citing.filter((fact) => fact.kind === 'denial');
  const problems: string[] = [];
  // "Both deny the accusations", after the sentence that makes them: its denial contests the accusation cited there.
  const answered = denials.some((denial) => denial.contests.length > 0);
  if (ACCUSES.test(sentence) && accusations.length === 0 && !answered) problems.push(`${shown} tells of an accusation, but no fact of kind "accusation" cites it`);
  if (DENIES.test(sentence.replace(DENIED_SOMETHING, '')) && denials.length === 0) problems.push(`${shown} tells of a denial, but no fact of kind "denial" cites it`);
  // One way is enough here: a link made one way only is the reference checks' to report.
  const linked = accusations.some((a) => denials.some((d) => a.contests.includes(d.id) || d.contests.includes(a.id)));
  if (accusations.length > 0 && denials.length > 0 && !linked) {
    problems.push(`${shown} tells of an accusation and its denial, but no accusation and denial citing it contest each other (“contests”)`);
  }
  return problems;
}
