import type { Fact } from './schema';

/**
 * The facts in the order the article tells them: by paragraph, then by where
 * the quoted sentence stands in it; facts citing the same sentence keep the
 * pack's order. A card lists an entity's facts this way, so "Putin expressed
 * gratitude…" comes before "…announced plans…" as it does in ¶1.
 */
export function inArticleOrder(facts: readonly Fact[], paragraphs: readonly string[]): Fact[] {
  const place = (fact: Fact) => paragraphs[fact.citation.paragraph]?.indexOf(fact.citation.quote) ?? -1;
  return facts
    .map((fact, index) => ({ fact, index, at: place(fact) }))
    .sort((a, b) => a.fact.citation.paragraph - b.fact.citation.paragraph || a.at - b.at || a.index - b.index)
    .map(({ fact }) => fact);
}
