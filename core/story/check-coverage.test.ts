import { describe, expect, it } from 'vitest';
import { checkCoverage } from './check-coverage';
import type { Fact } from './schema';

const HEADLINE = 'Leaders meet';

/** A fact as the coverage check reads it: its kind, the sentence it cites, and what it contests. */
function fact(id: string, kind: Fact['kind'], paragraph: number, quote: string, contests: string[] = []) {
  return { index: 0, value: { id, kind, citation: { paragraph, quote }, contests } as unknown as Fact };
}

describe('what the pack leaves out', () => {
  it('takes a sentence in which someone was denied something for no denial of a claim', () => {
    const sentence = 'Reporters were denied access to the talks.';
    expect(checkCoverage([fact('access', 'event', 1, sentence)], [HEADLINE, sentence])).toEqual([]);
    const denial = 'Both governments denied the report.';
    expect(checkCoverage([fact('report', 'event', 1, denial)], [HEADLINE, denial])).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/tells of a denial, but no fact of kind "denial" cites it/) }),
    ]);
  });

  it('takes a denial of accusations made in an earlier sentence, contesting them there, for all that sentence tells', () => {
    const paragraph = 'The U.S. accuses North Korea of supplying weapons. Both deny the accusations.';
    const [made, denied] = ['The U.S. accuses North Korea of supplying weapons.', 'Both deny the accusations.'];
    const accusation = fact('accusation', 'accusation', 1, made);
    expect(checkCoverage([accusation, fact('denial', 'denial', 1, denied, ['accusation'])], [HEADLINE, paragraph])).toEqual([]);
    // Not a denial that contests nothing: then the sentence's accusations are told by no fact.
    expect(checkCoverage([accusation, fact('denial', 'denial', 1, denied)], [HEADLINE, paragraph])).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/“Both deny the accusations\.” tells of an accusation, but no fact of kind "accusation" cites it/) }),
    ]);
  });
});
