import { describe, expect, it } from 'vitest';
import type { Fact } from '../core/story/schema';
import { restatingDescription } from './restated-description';

const citation = { paragraph: 1, quote: 'Somebody of the Council said the talks failed.' };
const fact = (id: string, kind: Fact['kind'], text: string, more: Partial<Fact> = {}): Fact => ({ id, kind, subjects: ['somebody'], text, citation, contests: [], ...more });
const somebody = { name: 'Jane Somebody', aliases: [{ text: 'Somebody', rule: 'always' as const, exclude: [], ambiguous: false }], description: 'of the Council' };

describe('the facts a description says again', () => {
  it('are the narrator’s facts with no word of their own beyond the entity’s names', () => {
    const facts = [
      fact('member', 'background', 'Jane Somebody is with the Council.'),
      fact('chair', 'background', 'Somebody chairs the Council.'),
      fact('seen', 'event', 'Somebody’s Council met.'),
    ];
    expect(restatingDescription(somebody, facts).map((f) => f.id)).toEqual(['member']);
  });

  it('leave alone what someone said or disputes, whose heading tells whose claim it is', () => {
    const facts = [
      fact('said', 'statement', 'Somebody is of the Council.', { speaker: 'somebody' }),
      fact('accused', 'accusation', 'Somebody is of the Council.'),
      fact('disputed', 'background', 'Somebody is of the Council.', { contests: ['denied'] }),
    ];
    expect(restatingDescription(somebody, facts)).toEqual([]);
  });

  it('are none where the description says more than the fact: the fact’s source beside it would seem to back all of it', () => {
    const broader = { ...somebody, description: 'of the Council, which she chairs' };
    expect(restatingDescription(broader, [fact('member', 'background', 'Jane Somebody is with the Council.')])).toEqual([]);
  });

  it('are those of the description’s own sentence only: the same words from another sentence may tell its claim the other way round', () => {
    const alpha = {
      name: 'Alpha',
      aliases: [],
      description: 'supplier of weapons to Beta',
      descriptionCitation: { paragraph: 2, quote: 'Alpha is a supplier of weapons to Beta.' },
    };
    const reversed = fact('reversed', 'background', 'Beta is a supplier of weapons to Alpha.', { citation: { paragraph: 3, quote: 'Beta is a supplier of weapons to Alpha.' } });
    const same = fact('same', 'background', 'Alpha is a supplier of weapons to Beta.', { citation: alpha.descriptionCitation });
    expect(restatingDescription(alpha, [reversed, same]).map((f) => f.id)).toEqual(['same']);
    // A row an earlier version wrote, without the description's own sentence: matched by the words alone, as before.
    expect(restatingDescription({ ...alpha, descriptionCitation: undefined }, [reversed, same]).map((f) => f.id)).toEqual(['reversed', 'same']);
  });

  it('are none for an entity without a description', () => {
    expect(restatingDescription({ ...somebody, description: undefined }, [fact('member', 'background', 'Somebody is with the Council.')])).toEqual([]);
  });
});
