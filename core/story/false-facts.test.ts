/**
 * False versions of the landed pack's facts that each read plausibly and share
 * every word and name with the article: each must be rejected, naming the fact and
 * why, while the landed pack passes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nameProblems } from './check-claim-names';
import { EntitiesFileSchema } from './schema';
import { parseStoryPack, type PackProblem } from './verify-pack';

const dir = new URL('../../data/summit/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const article = readFileSync(new URL('article.txt', dir), 'utf8');

/* eslint-disable @typescript-eslint/no-explicit-any -- tests mutate raw JSON on purpose */
interface RawPack {
  story: any;
  entities: any[];
  facts: any[];
}

const pack = (): RawPack => ({ story: readJson('story.json'), entities: readJson('entities.json') as any[], facts: readJson('facts.json') as any[] });
const fact = (p: RawPack, id: string): any => p.facts.find((f) => f.id === id) ?? fail(id);
const entity = (p: RawPack, id: string): any => p.entities.find((e) => e.id === id) ?? fail(id);
const at = (items: { id: string }[], id: string): number => items.findIndex((item) => item.id === id);
function fail(id: string): never {
  throw new Error(`fixture lost "${id}"`);
}

function problemsOf(p: RawPack): PackProblem[] {
  const result = parseStoryPack(p, article, { articleName: 'article.txt' });
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.problems;
}
const messagesOf = (p: RawPack): string[] => problemsOf(p).map((x) => `${x.file} ${x.path}: ${x.message}`);

describe('the landed pack', () => {
  it('passes every check', () => {
    const result = parseStoryPack(pack(), article, { articleName: 'article.txt' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  });
});

describe('a name the sentence does not give (names may not swap)', () => {
  it('a place the sentence does not name: “Kim Jong Un visited Moscow” beside “Kim Jong Un’s visit to Russia’s Far East”', () => {
    const p = pack();
    fact(p, 'kim-visit-russian-far-east').text = 'Kim Jong Un visited Moscow last September.';
    expect(messagesOf(p)).toEqual([
      `facts.json $[${at(p.facts, 'kim-visit-russian-far-east')}].text: fact "kim-visit-russian-far-east": the text names Moscow, which the sentence it cites does not ` +
        '(by name, or by a pronoun after the name earlier in its paragraph); a name may stand only for one the sentence speaks of',
    ]);
  });

  it('a country of another sentence: “Putin’s visit to Vietnam is his first in 24 years”', () => {
    const p = pack();
    fact(p, 'putin-first-visit-in-24-years').text = 'Putin’s visit to Vietnam is his first in 24 years.';
    expect(messagesOf(p)).toEqual([expect.stringMatching(/fact "putin-first-visit-in-24-years": the text names Vietnam, which the sentence it cites does not/)]);
  });

  it('accusers and the accused swapped, every name still in the sentence, in a fact and in a key point', () => {
    const p = pack();
    fact(p, 'weapons-supply-accusation').text = 'Russia and South Korea accuse North Korea of supplying weapons to the U.S.';
    p.story.summary[3].text = 'The U.S. and South Korea accuse Russia of supplying weapons to North Korea; Moscow and Pyongyang deny these claims.';
    const i = at(p.facts, 'weapons-supply-accusation');
    expect(problemsOf(p)).toEqual([
      {
        file: 'story.json',
        path: '$.summary[3].text',
        message: 'the text has the accusation about Russia, North Korea, in that order; the sentence it cites has it about North Korea, Russia',
      },
      {
        file: 'facts.json',
        path: `$[${i}].text`,
        message: 'fact "weapons-supply-accusation": the text has Russia as who “accuse”, but in the sentence it cites that is United States, South Korea',
      },
      {
        file: 'facts.json',
        path: `$[${i}].text`,
        message: 'fact "weapons-supply-accusation": the text has the accusation about North Korea, United States, in that order; the sentence it cites has it about North Korea, Russia',
      },
    ]);
  });

  it('a denier the sentence does not have denying, though it names them', () => {
    const p = pack();
    fact(p, 'weapons-supply-denial').text = 'Moscow and South Korea deny the accusations from the U.S. and South Korea of North Korea supplying weapons to Russia.';
    expect(messagesOf(p)).toEqual([
      expect.stringMatching(/fact "weapons-supply-denial": the text has South Korea as who “deny”, but in the sentence it cites that is Moscow, Pyongyang$/),
    ]);
  });

  it('a name’s own words, written without the name, count as words: “the Far East” is no word of paragraph 1', () => {
    const p = pack();
    fact(p, 'putin-summit-pyongyang').text = 'Putin headed to the Far East for a summit with Kim Jong Un on Tuesday.';
    expect(messagesOf(p)).toEqual([expect.stringMatching(/fact "putin-summit-pyongyang": the text says “far”, “east”, which the sentence it cites does not/)]);
  });
});

describe('who says it', () => {
  it('a speaker the sentence names but does not have saying anything: “Putin criticized the visit”', () => {
    const p = pack();
    const f = fact(p, 'us-criticizes-visit');
    f.speaker = 'vladimir-putin';
    f.text = 'Putin criticized the visit.';
    const i = at(p.facts, 'us-criticizes-visit');
    expect(problemsOf(p)).toEqual([
      {
        file: 'facts.json',
        path: `$[${i}].speaker`,
        message:
          'fact "us-criticizes-visit": the sentence it cites does not have Vladimir Putin saying anything, by name or by a pronoun after the name earlier in its ' +
          'paragraph: who says something there is United States (“criticized”), United States (“urging”)',
      },
      {
        file: 'facts.json',
        path: `$[${i}].text`,
        message: 'fact "us-criticizes-visit": the text has Vladimir Putin as who “criticized”, but in the sentence it cites that is United States',
      },
    ]);
  });

  it('the same, told as an event with no speaker: whom the text has saying it must say it in the sentence', () => {
    const p = pack();
    const f = fact(p, 'us-criticizes-visit');
    delete f.speaker;
    f.kind = 'event';
    f.text = 'Putin criticized the visit.';
    expect(messagesOf(p)).toEqual([expect.stringMatching(/fact "us-criticizes-visit": the text has Vladimir Putin as who “criticized”/)]);
  });

  it('the country of a ministry that speaks, as its speaker; the council of a man who speaks, as its', () => {
    const p = pack();
    fact(p, 'south-korea-un-resolutions').speaker = 'south-korea';
    const kirby = fact(p, 'kirby-concern-moscow-pyongyang');
    kirby.speaker = 'us-national-security-council';
    kirby.text = 'The U.S. National Security Council expressed concern over the deepening Moscow-Pyongyang relationship.';
    const paths = problemsOf(p).map((x) => x.path);
    expect(paths).toEqual([
      `$[${at(p.facts, 'kirby-concern-moscow-pyongyang')}].speaker`,
      `$[${at(p.facts, 'south-korea-un-resolutions')}].speaker`,
      `$[${at(p.facts, 'kirby-concern-moscow-pyongyang')}].text`,
    ]);
  });

  it('an accusation or a denial without its speaker, which the schema asks of them; one who neither accuses nor denies', () => {
    const p = pack();
    delete fact(p, 'weapons-supply-accusation').speaker;
    delete fact(p, 'weapons-supply-denial').speaker;
    expect(messagesOf(p)).toEqual([
      `facts.json $[${at(p.facts, 'weapons-supply-accusation')}].speaker: a fact of kind "accusation" needs a speaker`,
      `facts.json $[${at(p.facts, 'weapons-supply-denial')}].speaker: a fact of kind "denial" needs a speaker`,
    ]);
    const q = pack();
    fact(q, 'weapons-supply-accusation').speaker = 'russia';
    expect(messagesOf(q)).toEqual([expect.stringMatching(/fact "weapons-supply-accusation": the sentence it cites does not have Russia saying anything/)]);
    // Either accuser, or either denier, is one who says it.
    const r = pack();
    fact(r, 'weapons-supply-accusation').speaker = 'south-korea';
    fact(r, 'weapons-supply-denial').speaker = 'pyongyang';
    expect(parseStoryPack(r, article, { articleName: 'article.txt' }).ok).toBe(true);
  });
});

describe('what is planned, aimed at or to come, told as done', () => {
  it.each([
    ['putin-trade-payment-systems', 'Putin developed new trade and payment systems independent of Western control.', 'plans'],
    ['putin-op-ed-oppose-western-efforts', 'In an op-ed, Putin emphasized that Russia and North Korea resolutely opposed Western efforts to hinder a multipolar world order.', 'will'],
    ['putin-op-ed-oppose-western-efforts', 'In an op-ed, Putin emphasized that Russia and North Korea opposed Western efforts to hinder a multipolar world order.', 'will'],
    ['visit-aims-to-deepen-ties', 'Putin’s visit to North Korea deepened ties amidst escalating confrontations with Washington.', 'aims'],
    ['russia-china-support-nuclear-ambitions', 'Russia, along with China, has provided political support for North Korea’s nuclear ambitions, blocking the U.S. as it imposed new U.N. sanctions.', 'efforts'],
  ])('%s: “%s”', (id, text, qualifier) => {
    const p = pack();
    fact(p, id).text = text;
    expect(messagesOf(p)).toContain(
      `facts.json $[${at(p.facts, id)}].text: fact "${id}": the sentence it cites says “${qualifier}”, which the text leaves out: it would say more than the sentence`,
    );
  });

  it('“will” the sentence does not say', () => {
    const p = pack();
    fact(p, 'putin-first-visit-in-24-years').text = 'Putin’s visit to North Korea will be his first in 24 years.';
    expect(messagesOf(p)).toEqual([expect.stringMatching(/fact "putin-first-visit-in-24-years": the text says “will”, which the sentence it cites does not/)]);
  });
});

describe('a fact of kind "sanctions"', () => {
  const support = (p: RawPack) => ({ ...fact(p, 'russia-china-support-nuclear-ambitions').citation });

  it('sanctions the sentence tells as blocked, told as imposed: “The U.N. imposed new sanctions on North Korea for its nuclear ambitions”', () => {
    const p = pack();
    const f = fact(p, 'north-korea-sanctions');
    f.citation = support(p);
    f.text = 'The U.N. imposed new sanctions on North Korea for its nuclear ambitions.';
    const messages = problemsOf(p).filter((x) => x.path === `$[${at(p.facts, 'north-korea-sanctions')}].text`).map((x) => x.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'sanctions fact "north-korea-sanctions": the sentence it cites tells of sanctions that were stopped (blocked, vetoed, opposed), not imposed; the text tells them as sanctions in force',
        'sanctions fact "north-korea-sanctions": the text has United Nations imposing sanctions, which the sentence it cites gives as stopped, not imposed',
        'sanctions fact "north-korea-sanctions": the reason “its nuclear ambitions” is not in the sentence it cites; use the article\'s words',
      ]),
    );
  });

  it('sanctions told as blocked, as the sentence tells them, pass', () => {
    const p = pack();
    fact(p, 'russia-china-support-nuclear-ambitions').kind = 'sanctions';
    expect(parseStoryPack(p, article, { articleName: 'article.txt' }).ok).toBe(true);
  });

  it('a reason the sentence gives for another country', () => {
    const p = pack();
    fact(p, 'north-korea-sanctions').text = 'North Korea faces heavy sanctions for its aggression in Ukraine.';
    expect(messagesOf(p)).toEqual([
      `facts.json $[${at(p.facts, 'north-korea-sanctions')}].text: sanctions fact "north-korea-sanctions": the sentence it cites gives “its aggression in Ukraine” for Russia, not for North Korea`,
    ]);
  });

  it('one who imposes them where the sentence names no one', () => {
    const p = pack();
    fact(p, 'russia-sanctions').text = 'Russia faces heavy U.S. sanctions for its aggression in Ukraine.';
    expect(messagesOf(p)).toContain(
      `facts.json $[${at(p.facts, 'russia-sanctions')}].text: sanctions fact "russia-sanctions": the text has United States imposing sanctions, which the sentence it cites does not (“United States sanctions”, “sanctions imposed by United States”)`,
    );
  });
});

describe('an entity’s description, which the sentence it cites must back', () => {
  it('knowledge from outside the article: “capital of North Korea”, “leader of North Korea who invaded Ukraine”', () => {
    const p = pack();
    entity(p, 'pyongyang').description = 'capital of North Korea';
    entity(p, 'kim-jong-un').description = 'leader of North Korea who invaded Ukraine';
    const messages = messagesOf(p);
    expect(messages).toEqual([
      expect.stringMatching(/^entities\.json \$\[\d+\]\.description: description “leader of North Korea who invaded Ukraine” is not what the sentence it cites says of Kim Jong Un, paragraph 1’s “His comments .*”: the description says “leader”, “invaded”, which that sentence does not.*; no one sentence of the article says it$/),
      expect.stringMatching(/^entities\.json \$\[\d+\]\.description: description “capital of North Korea” is not what the sentence it cites says of Pyongyang, .*: the description says “capital”.*; no one sentence of the article says it$/),
    ]);
  });

  it('words of two sentences put together, and a category noun that is not its category', () => {
    const p = pack();
    // "includes" is paragraph 6's (a stop in Vietnam), John Kirby paragraph 7's.
    entity(p, 'us-national-security-council').description = 'U.S. council that includes John Kirby';
    entity(p, 'vietnam').description = 'place where Putin’s visit includes a stop';
    expect(messagesOf(p)).toEqual([
      expect.stringMatching(/description “place where Putin’s visit includes a stop” calls Vietnam a place; its category is country$/),
      expect.stringMatching(/description “U\.S\. council that includes John Kirby” is not what the sentence it cites says of U\.S\. National Security Council, paragraph 7’s .*“includes”/),
    ]);
  });

  it('takes a category noun later in a description for no name of the entity: only the noun it opens with', () => {
    const p = pack();
    entity(p, 'kim-jong-un').description = 'leader of the country Putin visited';
    const messages = messagesOf(p);
    expect(messages).not.toContainEqual(expect.stringMatching(/calls Kim Jong Un a country/));
    // Judged by its words all the same: the article never calls him a leader.
    expect(messages).toEqual([expect.stringMatching(/description “leader of the country Putin visited” is not what the sentence it cites says of Kim Jong Un, .*“leader”/)]);
  });

  it('a description with no citation, naming the entity and the sentence to cite', () => {
    const p = pack();
    delete entity(p, 'pyongyang').descriptionCitation;
    expect(messagesOf(p)).toEqual([
      `entities.json $[${at(p.entities, 'pyongyang')}].descriptionCitation: description “where Putin headed for a summit with Kim Jong Un” of Pyongyang has no citation; ` +
        'cite the sentence it is said in: paragraph 1’s “His comments were published in North Korean state media as he headed to Pyongyang for a summit with Kim Jong Un on Tuesday.”',
    ]);
  });

  it('a description with no citation that no sentence says: the closest, and what it lacks', () => {
    const p = pack();
    delete entity(p, 'pyongyang').descriptionCitation;
    entity(p, 'pyongyang').description = 'capital of North Korea';
    expect(messagesOf(p)).toEqual([
      expect.stringMatching(/^entities\.json \$\[\d+\]\.descriptionCitation: description “capital of North Korea” of Pyongyang has no citation, and no one sentence of the article says it; against the closest, paragraph 1’s .*“capital”/),
    ]);
  });

  it('its sentence cited at the wrong paragraph', () => {
    const p = pack();
    entity(p, 'pyongyang').descriptionCitation.paragraph = 2;
    expect(messagesOf(p)).toEqual([`entities.json $[${at(p.entities, 'pyongyang')}].descriptionCitation.paragraph: quote is not in paragraph 2; the quote is in paragraph 1`]);
  });

  it('a sentence that speaks of the entity but does not say the description, where another does: “Moscow and Pyongyang deny these claims”', () => {
    const p = pack();
    entity(p, 'pyongyang').descriptionCitation = {
      paragraph: 4,
      quote: 'Despite accusations from the U.S. and South Korea of North Korea supplying weapons to Russia, both Moscow and Pyongyang deny these claims.',
    };
    expect(messagesOf(p)).toEqual([
      expect.stringMatching(
        /^entities\.json \$\[\d+\]\.description: description “where Putin headed for a summit with Kim Jong Un” is not what the sentence it cites says of Pyongyang, paragraph 4’s “Despite .*”: the description says “headed”, “summit”, .*; paragraph 1’s “His comments .*” says it$/,
      ),
    ]);
  });

  it('a sentence of the article that says nothing of the entity', () => {
    const p = pack();
    entity(p, 'vietnam').descriptionCitation = entity(p, 'pyongyang').descriptionCitation;
    expect(messagesOf(p)).toEqual([
      `entities.json $[${at(p.entities, 'vietnam')}].description: description “country where Putin’s visit includes a stop, focusing on trade discussions”: the sentence it cites, ` +
        'paragraph 1’s “His comments were published in North Korean state media as he headed to Pyongyang for a summit with Kim Jong Un on Tuesday.”, does not speak of Vietnam; ' +
        'paragraph 6’s “Putin’s visit also includes a stop in Vietnam on Wednesday and Thursday, focusing on trade discussions.” says it',
    ]);
  });

  it('a clause of its sentence, not the whole of it, and a citation with no description', () => {
    const p = pack();
    entity(p, 'vietnam').descriptionCitation.quote = 'Putin’s visit also includes a stop in Vietnam';
    delete entity(p, 'russian-far-east').description;
    expect(messagesOf(p)).toEqual([
      `entities.json $[${at(p.entities, 'vietnam')}].descriptionCitation.quote: quote must be whole sentences of paragraph 6; the article reads “Putin’s visit also includes a stop in Vietnam on Wednesday and Thursday, focusing on trade discussions.”`,
      `entities.json $[${at(p.entities, 'russian-far-east')}].descriptionCitation: Russian Far East has no description for this citation to back`,
    ]);
  });
});

describe('what the pack leaves out', () => {
  it('the denial', () => {
    const p = pack();
    p.facts = p.facts.filter((f) => f.id !== 'weapons-supply-denial');
    fact(p, 'weapons-supply-accusation').contests = [];
    expect(messagesOf(p)).toEqual([expect.stringMatching(/^facts\.json \$: paragraph 4’s sentence “Despite accusations .*” tells of a denial, but no fact of kind "denial" cites it$/)]);
  });

  it('the accusation and denial of one sentence that do not contest each other', () => {
    const p = pack();
    fact(p, 'weapons-supply-accusation').contests = [];
    fact(p, 'weapons-supply-denial').contests = [];
    expect(messagesOf(p)).toEqual([expect.stringMatching(/tells of an accusation and its denial, but no accusation and denial citing it contest each other/)]);
  });

  it('John Kirby or the South Korean Foreign Ministry, with every fact of theirs: a key point does not stand for a fact', () => {
    for (const [people, sentence] of [
      [['john-kirby', 'us-national-security-council'], /^facts\.json \$: no fact cites paragraph 7’s sentence “John Kirby of the U\.S\. National Security Council/],
      [['south-korean-foreign-ministry'], /^facts\.json \$: no fact cites paragraph 7’s sentence “South Korea’s Foreign Ministry reiterated/],
    ] as const) {
      const p = pack();
      p.facts = p.facts.filter((f) => !f.subjects.some((s: string) => (people as readonly string[]).includes(s)));
      p.entities = p.entities.filter((e) => !(people as readonly string[]).includes(e.id));
      expect(messagesOf(p)).toEqual([expect.stringMatching(sentence)]);
    }
  });
});

describe('a country’s adjective is a name', () => {
  const crossing = 'north-korean-soldiers-crossing';

  it('swapped: “South Korean soldiers crossing into North Korean territory”, every adjective one the sentence has', () => {
    const p = pack();
    fact(p, crossing).text = 'Recent incidents include South Korean soldiers crossing into North Korean territory, prompting warning shots from North Korean soldiers.';
    expect(messagesOf(p)).toEqual([
      `facts.json $[${at(p.facts, crossing)}].text: fact "${crossing}": the text has “South Korean soldiers”, “North Korean territory”, “North Korean soldiers”, in that order, ` +
        'where the sentence it cites has “North Korean soldiers”, “South Korean territory”, “South Korean soldiers”: a country\'s adjective is a name, and may not move to what the sentence says of another',
    ]);
  });

  it('swapped on the soldiers alone, each phrase one the sentence has', () => {
    const p = pack();
    fact(p, crossing).text = 'Recent incidents include South Korean soldiers crossing into South Korean territory, prompting warning shots from North Korean soldiers.';
    expect(messagesOf(p)).toEqual([expect.stringMatching(new RegExp(`fact "${crossing}": the text has “South Korean soldiers”, “South Korean territory”, “North Korean soldiers”, in that order`))]);
  });

  it('on a speaker, keeps its words, not its place: “…, a South Korean official said” may close what the sentence opens with', () => {
    const entities = EntitiesFileSchema.parse(pack().entities);
    const quote = 'A South Korean official said the Russian delegation arrived on Tuesday.';
    expect(nameProblems('The Russian delegation arrived on Tuesday, a South Korean official said.', quote, '', entities)).toEqual([]);
    // Another speaker is another claim.
    expect(nameProblems('The Russian delegation arrived on Tuesday, a North Korean official said.', quote, '', entities)).toContainEqual(
      expect.stringContaining('the text has “North Korean official” where the sentence it cites has “South Korean official”, “Russian delegation”'),
    );
  });

  it('an adjective of a country the sentence does not speak of', () => {
    const p = pack();
    fact(p, crossing).text = 'Recent incidents include Japanese soldiers crossing into South Korean territory, prompting warning shots from South Korean soldiers.';
    expect(messagesOf(p)).toContainEqual(expect.stringMatching(new RegExp(`fact "${crossing}": the text names Japan, which the sentence it cites does not`)));
  });
});

describe('what the sentence gives as alleged, told as what happened', () => {
  const stated = 'North Korea supplies weapons to Russia, which Moscow and Pyongyang deny.';

  it('in the denial, and in a key point: a word of denial is kept, but the act is the narrator’s', () => {
    const p = pack();
    fact(p, 'weapons-supply-denial').text = stated;
    p.story.summary[3].text = stated;
    const told = 'the text tells “supplies”, “weapons”, which the sentence it cites gives only as what United States, South Korea accuse; ' +
      'keep it inside the accusation and name who accuses ("… accuse North Korea of …", "accusations from … of …")';
    expect(messagesOf(p)).toEqual([`story.json $.summary[3].text: ${told}`, `facts.json $[${at(p.facts, 'weapons-supply-denial')}].text: fact "weapons-supply-denial": ${told}`]);
  });

  it('inside an accusation that names no accuser of the sentence’s', () => {
    const p = pack();
    fact(p, 'weapons-supply-denial').text = 'Moscow and Pyongyang deny the accusations of North Korea supplying weapons to Russia.';
    expect(messagesOf(p)).toEqual([expect.stringMatching(/fact "weapons-supply-denial": the text tells “supplying”, “weapons”, which the sentence it cites gives only as what/)]);
  });

  it('leaves a denial that does not tell the act', () => {
    const p = pack();
    p.story.summary[3].text = 'Moscow and Pyongyang deny these claims.';
    expect(parseStoryPack(p, article, { articleName: 'article.txt' }).ok).toBe(true);
  });
});

describe('whose words a label is, and when', () => {
  it('“what he termed” dropped: the speaker’s label would read as the narrator’s', () => {
    const p = pack();
    const id = 'putin-oppose-restrictive-measures';
    fact(p, id).text = 'Putin mentioned plans to jointly oppose unilateral and illegal restrictive measures.';
    expect(messagesOf(p)).toEqual([
      `facts.json $[${at(p.facts, id)}].text: fact "${id}": the sentence it cites says “termed”, which the text leaves out: the speaker's words would read as the narrator's`,
    ]);
  });

  it('a stop the sentence tells as under way or to come, told as made', () => {
    const p = pack();
    const id = 'putin-vietnam-stop';
    fact(p, id).text = 'Putin visited Vietnam on Wednesday and Thursday for trade discussions.';
    expect(messagesOf(p)).toEqual([
      `facts.json $[${at(p.facts, id)}].text: fact "${id}": the text says “visited”, in the past, where the sentence it cites tells it in the present or the future: ` +
        'it would tell as done what is under way or to come',
    ]);
  });
});

describe('a subject the fact does not speak of', () => {
  it('Japan among the subjects of the accusation: Japan’s card would show it', () => {
    const p = pack();
    const f = fact(p, 'weapons-supply-accusation');
    f.subjects.push('japan');
    expect(messagesOf(p)).toEqual([
      `facts.json $[${at(p.facts, 'weapons-supply-accusation')}].subjects[${f.subjects.length - 1}]: fact "weapons-supply-accusation": subject Japan is named neither in the sentence ` +
        'it cites nor in its text (by a name, an alias, its adjective, its capital or its head of state); Japan\'s card would show a fact that does not speak of it',
    ]);
  });

  it('“jointly” speaks of those the sentence before it names side by side, not of others it names; a capital speaks of its country alone', () => {
    const p = pack();
    // The sentence before Putin's plans "to jointly oppose" has "Russia and North Korea will “resolutely oppose”", and "his invasion of Ukraine".
    fact(p, 'putin-oppose-restrictive-measures').subjects.push('ukraine');
    fact(p, 'kirby-concern-moscow-pyongyang').subjects.push('china');
    expect(messagesOf(p)).toEqual([
      expect.stringMatching(/fact "putin-oppose-restrictive-measures": subject Ukraine is named neither/),
      expect.stringMatching(/fact "kirby-concern-moscow-pyongyang": subject China is named neither/),
    ]);
  });
});

describe('names keep the order the sentence gives them', () => {
  const outOfOrder = (id: string, first: string, then: string) =>
    new RegExp(`fact "${id}": the text has ${first} before ${then}, where the sentence it cites has ${then} before ${first}`);

  it('supplier and receiver reversed: “Russia might supply North Korea with munitions”', () => {
    const p = pack();
    const id = 'arms-arrangement-concerns';
    fact(p, id).text = fact(p, id).text.replace('North Korea might supply Russia', 'Russia might supply North Korea');
    expect(messagesOf(p)).toEqual([
      `facts.json $[${at(p.facts, id)}].text: fact "${id}": the text has Russia before North Korea, where the sentence it cites has North Korea before Russia: ` +
        'a name may not move to what the sentence says of another; keep its order of names',
    ]);
  });

  it('whom “the visit” points back to, reversed: “North Korea’s visit to Putin”', () => {
    const p = pack();
    const id = 'arms-arrangement-concerns';
    fact(p, id).text = fact(p, id).text.replace('Putin’s visit to North Korea', 'North Korea’s visit to Putin');
    expect(messagesOf(p)).toEqual([expect.stringMatching(outOfOrder(id, 'North Korea', 'Vladimir Putin'))]);
  });

  it('who supports whom reversed: “China has provided political support for Russia’s nuclear ambitions”', () => {
    const p = pack();
    const id = 'russia-china-support-nuclear-ambitions';
    fact(p, id).text = 'China has provided political support for Russia’s nuclear ambitions, blocking U.S.-led efforts to impose new U.N. sanctions.';
    expect(messagesOf(p)).toEqual([expect.stringMatching(outOfOrder(id, 'China', 'Russia'))]);
  });

  it('who tests weapons and who holds exercises swapped, in a list and in a clause of its own', () => {
    const id = 'korean-peninsula-tensions';
    const p = pack();
    fact(p, id).text =
      'Tensions remain high on the Korean Peninsula, with increased weapons tests by the U.S. and intensified military exercises by North Korea, South Korea, and Japan.';
    expect(messagesOf(p)).toEqual([expect.stringMatching(outOfOrder(id, 'United States', 'North Korea'))]);
    const q = pack();
    fact(q, id).text = 'North Korea intensified military exercises on the Korean Peninsula.';
    expect(messagesOf(q)).toEqual([expect.stringMatching(outOfOrder(id, 'North Korea', 'Korean Peninsula'))]);
  });

  it('a name moved from the object of one clause to the subject of another: “Kim Jong Un headed to Pyongyang for a summit with Putin”', () => {
    const p = pack();
    const id = 'putin-summit-pyongyang';
    fact(p, id).text = 'Kim Jong Un headed to Pyongyang for a summit with Putin on Tuesday.';
    expect(messagesOf(p)).toEqual([expect.stringMatching(outOfOrder(id, 'Kim Jong Un', 'Pyongyang'))]);
    const q = pack();
    fact(q, 'russia-china-support-nuclear-ambitions').text = 'North Korea, along with China, has provided political support for Russia’s nuclear ambitions.';
    expect(messagesOf(q)).toEqual([expect.stringMatching(outOfOrder('russia-china-support-nuclear-ambitions', 'North Korea', 'China'))]);
  });

  it('adjectives and names swapped together, each rule quiet alone: “South Korean soldiers crossing into North Korea”', () => {
    const entities = EntitiesFileSchema.parse(pack().entities);
    const quote = 'Recent incidents include North Korean soldiers crossing into South Korean territory, prompting warning shots from South Korean soldiers.';
    expect(nameProblems('Recent incidents include South Korean soldiers crossing into North Korea.', quote, '', entities)).toEqual([
      expect.stringMatching(/^the text has South Korea before North Korea, where the sentence it cites has North Korea before South Korea/),
    ]);
  });

  it('names swapped where the sentence has each of them again later, in the order the text has: the words a name is joined to go with it', () => {
    const p = pack();
    const id = 'putin-op-ed-north-korean-support';
    // ¶2 goes on "… his invasion of Ukraine and emphasized that Russia and North Korea will …": Ukraine, then North Korea.
    fact(p, id).text = 'In an op-ed, Putin highlighted Ukraine’s unwavering support for his invasion of North Korea.';
    expect(messagesOf(p)).toEqual([
      `facts.json $[${at(p.facts, id)}].text: fact "${id}": the text has “Ukraine’s unwavering” where the sentence it cites has “North Korea’s unwavering”, ` +
        'and “highlighted Ukraine” where the sentence it cites has “highlighted North Korea”, and “invasion of North Korea” where the sentence it cites has “invasion of Ukraine”: ' +
        'a name may not move to what the sentence says of another; keep the words it is joined to',
    ]);
  });

  it('leaves names listed together in another order: each shares the words around the list', () => {
    const p = pack();
    fact(p, 'putin-op-ed-oppose-western-efforts').text =
      'In an op-ed, Putin emphasized that North Korea and Russia will “resolutely oppose” Western efforts to hinder a multipolar world order.';
    fact(p, 'korean-peninsula-tensions').text =
      'Tensions remain high on the Korean Peninsula, with increased weapons tests by North Korea and intensified military exercises by South Korea, the U.S., and Japan.';
    expect(parseStoryPack(p, article, { articleName: 'article.txt' }).ok).toBe(true);
  });

  it('in a description too, where the names said as part of the entity’s own may stand anywhere', () => {
    const p = pack();
    entity(p, 'pyongyang').description = 'where Kim Jong Un headed for a summit with Putin';
    expect(messagesOf(p)).toEqual([
      expect.stringMatching(/\$\[\d+\]\.description: description “where Kim Jong Un headed for a summit with Putin” is not what .*: the description has Kim Jong Un before Vladimir Putin, where that sentence has Vladimir Putin before Kim Jong Un/),
    ]);
    // “U.S.” is the council's own, told where the card puts the council: before what the sentence says of it.
    const q = pack();
    entity(q, 'us-national-security-council').description = 'U.S. council John Kirby is with';
    expect(parseStoryPack(q, article, { articleName: 'article.txt' }).ok).toBe(true);
  });

  it('leaves a name said again, a speaker moved to the end, a name for a pronoun, and a title told the other way round', () => {
    const entities = EntitiesFileSchema.parse(pack().entities);
    const kirby = 'John Kirby of the U.S. National Security Council expressed concern over the deepening Moscow-Pyongyang relationship, highlighting potential repercussions on the Korean Peninsula’s security.';
    expect(nameProblems('Concern over the deepening Moscow-Pyongyang relationship was expressed by John Kirby.', kirby, '', entities)).toEqual([]);
    expect(nameProblems('The deepening Moscow-Pyongyang relationship has potential repercussions on the Korean Peninsula, John Kirby highlighted.', kirby, '', entities)).toEqual([]);
    const before = 'Russian President Vladimir Putin expressed gratitude to North Korea for its support in the Ukraine conflict. ';
    const his = 'His comments were published in North Korean state media as he headed to Pyongyang for a summit with Kim Jong Un on Tuesday.';
    expect(nameProblems('Putin’s comments were published in North Korean state media as Putin headed to Pyongyang for a summit with Kim Jong Un.', his, before, entities)).toEqual([]);
    expect(nameProblems('Vladimir Putin is the president of Russia.', before.trim(), '', entities)).toEqual([]);
    // The speaker may move; those he speaks of may not.
    expect(nameProblems('The deepening Pyongyang-Moscow relationship has potential repercussions, John Kirby highlighted.', kirby, '', entities)).toEqual([
      expect.stringMatching(/^the text has Pyongyang before Moscow/),
    ]);
  });
});
