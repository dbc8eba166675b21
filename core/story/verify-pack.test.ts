import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStoryPack, splitParagraphs, type PackFiles, type PackProblem } from './verify-pack';

const dir = new URL('../../data/summit/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const article = readFileSync(new URL('article.txt', dir), 'utf8');
const landed = { story: readJson('story.json'), entities: readJson('entities.json'), facts: readJson('facts.json') };

/* eslint-disable @typescript-eslint/no-explicit-any -- tests mutate raw JSON on purpose */
interface RawPack {
  story: any;
  entities: any[];
  facts: any[];
}

/** A fresh deep copy of the landed pack, ready to be broken in one place. */
function pack(): RawPack {
  return structuredClone(landed) as RawPack;
}

const indexOf = (items: { id: string }[], id: string): number => {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw new Error(`fixture lost "${id}"`);
  return index;
};

function problemsOf(files: PackFiles, text = article): PackProblem[] {
  const result = parseStoryPack(files, text, { articleName: 'article.txt' });
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.problems;
}

describe('parseStoryPack on the landed pack', () => {
  it('accepts it and fills schema defaults', () => {
    const result = parseStoryPack(landed, article, { articleName: 'article.txt' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.pack.story.id).toBe('putin-pyongyang-summit');
    expect(result.pack.facts.length).toBeGreaterThanOrEqual(30);
    expect(result.pack.facts.length).toBeLessThanOrEqual(45);
    expect(result.pack.entities.every((e) => e.aliases.every((a) => a.rule && Array.isArray(a.exclude)))).toBe(true);
  });

  // Every check holds quotes to data/summit/article.txt: a copy edited to fit a quote would pass them all.
  const sharedArticle = resolve('../shared/article/summit-article.txt');
  it.skipIf(!existsSync(sharedArticle))(`holds its quotes to the article itself: its article.txt is ${sharedArticle}, byte for byte`, () => {
    expect(article).toBe(readFileSync(sharedArticle, 'utf8'));
  });

  it('lists the facts in the order the article tells them, whatever order its file lists them in', () => {
    const shuffled = pack();
    shuffled.facts.reverse();
    const result = parseStoryPack(shuffled, article, { articleName: 'article.txt' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    const paragraphs = splitParagraphs(article);
    const places = result.pack.facts.map(({ citation }) => [citation.paragraph, paragraphs[citation.paragraph]!.indexOf(citation.quote)] as const);
    expect(places).toEqual([...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    const ids = result.pack.facts.map((fact) => fact.id);
    // ¶3's first sentence before its second, though the file reversed them.
    expect(ids.indexOf('visit-aims-to-deepen-ties')).toBeLessThan(ids.indexOf('arms-arrangement-concerns'));
    // Two facts of one sentence (¶2's “plans to develop … and to jointly oppose”) keep the file's order: its author's.
    expect(ids.indexOf('putin-oppose-restrictive-measures')).toBeLessThan(ids.indexOf('putin-trade-payment-systems'));
  });

  it('has every fact read on its own: none leans on a visit or an op-ed that another fact names', () => {
    for (const fact of landed.facts as { id: string; text: string }[]) expect(fact.text, fact.id).not.toMatch(/^(?:The visit|In the op-ed)\b/);
  });

  it('has every description read as a phrase beside the name: none ends on a preposition (“a summit with”, “is of”)', () => {
    for (const entity of landed.entities as { id: string; description?: string }[]) {
      expect(entity.description ?? '', entity.id).not.toMatch(/\b(?:with|of|for|to|at|in|on|by|from)$/);
    }
  });

  it('has no description that, read beside the name, makes the entity do what the article says another did: Kim Jong Un went nowhere with Putin', () => {
    // ¶1: Putin "headed to Pyongyang for a summit with Kim Jong Un". Beside his name, "with whom Putin headed to
    // Pyongyang" reads as Kim travelling with him.
    for (const entity of landed.entities as { id: string; description?: string }[]) {
      expect(entity.description ?? '', entity.id).not.toMatch(/^with whom \S+ (?:headed|went|travell?ed|flew|arrived)\b/);
    }
  });

  it('covers every entity the brief names', () => {
    const ids = (landed.entities as { id: string }[]).map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'vladimir-putin', 'kim-jong-un', 'john-kirby', 'russia', 'north-korea', 'south-korea', 'united-states',
        'ukraine', 'china', 'japan', 'vietnam', 'soviet-union', 'us-national-security-council',
        'south-korean-foreign-ministry', 'united-nations', 'pyongyang', 'moscow', 'washington',
        'korean-peninsula', 'russian-far-east',
      ]),
    );
  });
});

describe('parseStoryPack rejects a broken pack with a precise problem', () => {
  it('an altered quote: one word changed', () => {
    const p = pack();
    const i = indexOf(p.facts, 'russia-sanctions');
    p.facts[i].citation.quote = p.facts[i].citation.quote.replace('aggression', 'invasion');
    const [problem, ...rest] = problemsOf(p);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'facts.json', path: `$[${i}].citation.quote` });
    expect(problem?.message).toBe(
      'quote is not verbatim in paragraph 4: after “…programs, and Russia for its ” the quote reads ' +
        '“invasion in Ukraine.” but the article reads “aggression in Ukraine. Despite…”',
    );
  });

  it('a quote whose apostrophe was straightened', () => {
    const p = pack();
    const i = indexOf(p.facts, 'putin-first-visit-in-24-years');
    p.facts[i].citation.quote = p.facts[i].citation.quote.replace('’', "'");
    expect(problemsOf(p)).toEqual([
      {
        file: 'facts.json',
        path: `$[${i}].citation.quote`,
        message: expect.stringContaining('differs from paragraph 3 only in quotation marks or apostrophes'),
      },
    ]);
  });

  it('a quote cited to the wrong paragraph says where it really is', () => {
    const p = pack();
    const i = indexOf(p.facts, 'us-criticizes-visit');
    p.facts[i].citation.paragraph = 5;
    expect(problemsOf(p)).toEqual([
      { file: 'facts.json', path: `$[${i}].citation.paragraph`, message: 'quote is not in paragraph 5; the quote is in paragraph 6' },
    ]);
  });

  it('a paragraph number out of range, in the summary', () => {
    const p = pack();
    p.story.summary[1].citation.paragraph = 10;
    expect(problemsOf(p)).toEqual([
      {
        file: 'story.json',
        path: '$.summary[1].citation.paragraph',
        message: 'paragraph 10 does not exist; the article has paragraphs 0–9; the quote is in paragraph 3',
      },
    ]);
  });

  it('a dangling subject id', () => {
    const p = pack();
    const i = indexOf(p.facts, 'kim-visit-russian-far-east');
    p.facts[i].subjects[0] = 'kim-jong-il';
    expect(problemsOf(p)).toEqual([
      { file: 'facts.json', path: `$[${i}].subjects[0]`, message: 'unknown entity id "kim-jong-il" (not in entities.json)' },
    ]);
  });

  it('a dangling speaker', () => {
    const p = pack();
    const i = indexOf(p.facts, 'us-urges-no-support-for-war');
    p.facts[i].speaker = 'white-house';
    expect(problemsOf(p)).toEqual([
      { file: 'facts.json', path: `$[${i}].speaker`, message: 'unknown entity id "white-house" (not in entities.json)' },
    ]);
  });

  it('an unknown category', () => {
    const p = pack();
    const i = indexOf(p.entities, 'japan');
    p.entities[i].category = 'planet';
    expect(problemsOf(p)).toEqual([
      {
        file: 'entities.json',
        path: `$[${i}].category`,
        message: '"planet" is not one of "person", "country", "organization", "place"',
      },
    ]);
  });

  it('an alias claimed by two entities, even with different spacing', () => {
    const p = pack();
    const putin = indexOf(p.entities, 'vladimir-putin');
    const kim = indexOf(p.entities, 'kim-jong-un');
    const added = p.entities[kim].aliases.push({ text: 'Vladimir  Putin' }) - 1;
    const problems = problemsOf(p);
    expect(problems.map((x) => `${x.file} ${x.path}`)).toEqual([
      `entities.json $[${putin}].aliases[0]`,
      `entities.json $[${kim}].aliases[${added}]`,
    ]);
    expect(problems[1]?.message).toBe(
      `alias "Vladimir Putin" also belongs to "vladimir-putin" ($[${putin}].aliases[0]); ` +
        'a shared alias needs ambiguous: true on every entity that uses it',
    );
  });

  it('an alias another entity spells only with a different apostrophe', () => {
    const p = pack();
    const north = indexOf(p.entities, 'north-korea');
    const south = indexOf(p.entities, 'south-korea');
    const added = p.entities[south].aliases.push({ text: 'Democratic People’s Republic of Korea' }) - 1;
    const straight = p.entities[north].aliases.findIndex((a: any) => a.text === "Democratic People's Republic of Korea");
    const curly = p.entities[north].aliases.findIndex((a: any) => a.text === 'Democratic People’s Republic of Korea');
    expect(problemsOf(p).map((x) => x.path)).toEqual([
      `$[${north}].aliases[${straight}]`,
      `$[${north}].aliases[${curly}]`,
      `$[${south}].aliases[${added}]`,
    ]);
  });

  it('accepts a shared alias only when every entity declares it ambiguous', () => {
    const p = pack();
    const korea = (id: string) => {
      const i = indexOf(p.entities, id);
      const j = p.entities[i].aliases.findIndex((a: any) => a.text === 'Korea');
      return { alias: p.entities[i].aliases[j], path: `$[${i}].aliases[${j}]` };
    };
    expect(korea('north-korea').alias.ambiguous && korea('south-korea').alias.ambiguous).toBe(true);
    korea('south-korea').alias.ambiguous = false;
    expect(problemsOf(p).map((x) => x.path)).toEqual([korea('south-korea').path]);
  });

  it('an exclusion phrase that does not hold its alias, which could never hide it; a phrase of another place may tell of it in other words', () => {
    const p = pack();
    const moscow = indexOf(p.entities, 'moscow');
    const at = p.entities[moscow].aliases.findIndex((a: any) => a.text === 'Moscow');
    const alias = p.entities[moscow].aliases[at];
    alias.elsewhere.push('Latah County Sheriff');
    const added = alias.exclude.push('Moskva River') - 1;
    const problems = problemsOf(p);
    expect(problems.map((x) => x.path)).toEqual([`$[${moscow}].aliases[${at}].exclude[${added}]`]);
    expect(problems[0]?.message).toBe('exclude phrase "Moskva River" does not contain the alias "Moscow", so it can never apply');
  });

  it('an alias the matcher would find in ordinary prose: one in lower case (“us” in “Let us know”), or an ordinary word that counts at once', () => {
    const p = pack();
    const us = indexOf(p.entities, 'united-states');
    const kim = indexOf(p.entities, 'kim-jong-un');
    const lower = p.entities[us].aliases.push({ text: 'us' }) - 1;
    const word = p.entities[kim].aliases.push({ text: 'Hope' }) - 1;
    expect(problemsOf(p).map((x) => `${x.path}: ${x.message}`)).toEqual([
      `$[${kim}].aliases[${word}].rule: alias "Hope" of "kim-jong-un" is an ordinary English word, which opens sentences and headlines that do not mean Kim Jong Un; give it rule "after-full-name" or "never"`,
      `$[${us}].aliases[${lower}].text: alias "us" of "united-states" has no capital letter or digit: the matcher would take the ordinary word in a page's prose for United States`,
    ]);
    // Waiting for the full name, or never matched, it is safe; a canonical name that is also a word ("China") stands.
    p.entities[us].aliases.pop();
    p.entities[kim].aliases[word].rule = 'after-full-name';
    const q = pack();
    // A country's name that is also a word ("Turkey", as a pack about Türkiye would give it), and a name in a script without case, stand.
    q.entities[indexOf(q.entities, 'china')].aliases.push({ text: 'Turkey' });
    q.entities[indexOf(q.entities, 'kim-jong-un')].aliases.push({ text: '김정은' });
    // A capital that is not ASCII is one: the pack's own "Việt Nam".
    expect(q.entities[indexOf(q.entities, 'vietnam')].aliases.map((alias: { text: string }) => alias.text)).toContain('Việt Nam');
    q.entities[indexOf(q.entities, 'kim-jong-un')].aliases.push({ text: 'Will', rule: 'never' });
    for (const ok of [p, q]) expect(parseStoryPack(ok, article, { articleName: 'article.txt' }).ok).toBe(true);
  });

  it('a statement without a speaker', () => {
    const p = pack();
    const i = indexOf(p.facts, 'kirby-concern-moscow-pyongyang');
    delete p.facts[i].speaker;
    expect(problemsOf(p)).toEqual([
      { file: 'facts.json', path: `$[${i}].speaker`, message: 'a fact of kind "statement" needs a speaker' },
    ]);
  });

  it('a quote cut out of its sentence, which can drop what qualifies it', () => {
    const p = pack();
    const i = indexOf(p.facts, 'weapons-supply-accusation');
    p.facts[i].citation.quote = 'accusations from the U.S. and South Korea of North Korea supplying weapons to Russia';
    expect(problemsOf(p)).toEqual([
      {
        file: 'facts.json',
        path: `$[${i}].citation.quote`,
        message:
          'quote must be whole sentences of paragraph 4; the article reads “Despite accusations from the U.S. and South Korea ' +
          'of North Korea supplying weapons to Russia, both Moscow and Pyongyang deny these claims.”',
      },
    ]);
  });

  it('a quote of whole sentences, however the platform splits “U.S. National”', () => {
    const p = pack();
    const i = indexOf(p.facts, 'kirby-national-security-council');
    expect(p.facts[i].citation.quote).toMatch(/^John Kirby of the U\.S\. National Security Council .*security\.$/);
    p.facts[i].citation.quote = 'John Kirby of the U.S.';
    expect(problemsOf(p).map((x) => x.path)).toEqual([`$[${i}].citation.quote`]);
  });

  it('a sanctions reason in words of its own', () => {
    const p = pack();
    const i = indexOf(p.entities, 'russia');
    p.entities[i].sanctions.reason = 'its invasion of Ukraine';
    expect(problemsOf(p)).toEqual([
      {
        file: 'entities.json',
        path: `$[${i}].sanctions.reason`,
        message: "reason “its invasion of Ukraine” is not in the sentence it cites; use the article's words",
      },
    ]);
  });

  it('a sanctions reason the sentence it cites gives for another entity', () => {
    const p = pack();
    const russia = indexOf(p.entities, 'russia');
    const northKorea = indexOf(p.entities, 'north-korea');
    // One sentence gives both reasons: swapped, each is still in it, and Russia's card would read "Sanctioned for its nuclear weapons and missile programs".
    [p.entities[russia].sanctions.reason, p.entities[northKorea].sanctions.reason] = [
      p.entities[northKorea].sanctions.reason,
      p.entities[russia].sanctions.reason,
    ];
    expect(problemsOf(p)).toEqual([
      {
        file: 'entities.json',
        path: `$[${russia}].sanctions.reason`,
        message: 'the sentence it cites gives “its nuclear weapons and missile programs” for North Korea, not for Russia',
      },
      {
        file: 'entities.json',
        path: `$[${northKorea}].sanctions.reason`,
        message: 'the sentence it cites gives “its aggression in Ukraine” for Russia, not for North Korea',
      },
    ]);
  });

  it('sanctions of an entity the sentence it cites does not give them to', () => {
    const p = pack();
    const japan = indexOf(p.entities, 'japan');
    p.entities[japan].sanctions = structuredClone(p.entities[indexOf(p.entities, 'russia')].sanctions);
    const problems = problemsOf(p);
    p.entities[japan].sanctions.reason = 'heavy sanctions';
    expect([...problems, ...problemsOf(p)]).toEqual([
      {
        file: 'entities.json',
        path: `$[${japan}].sanctions.reason`,
        message: 'the sentence it cites gives “its aggression in Ukraine” for Russia, not for Japan',
      },
      { file: 'entities.json', path: `$[${japan}].sanctions.reason`, message: 'the sentence it cites does not name Japan' },
    ]);
  });

  it('sanctions cited to a sentence that does not say the entity is sanctioned', () => {
    const p = pack();
    const vietnam = indexOf(p.entities, 'vietnam');
    // The card would read "Sanctioned for trade discussions": the reason is in the sentence, and Vietnam just before it.
    const vietnamStop = 'Putin’s visit also includes a stop in Vietnam on Wednesday and Thursday, focusing on trade discussions.';
    p.entities[vietnam].sanctions = { sanctioned: true, by: [], reason: 'trade discussions', citation: { paragraph: 6, quote: vietnamStop } };
    expect(problemsOf(p)).toEqual([
      { file: 'entities.json', path: `$[${vietnam}].sanctions.citation.quote`, message: 'the sentence it cites does not say Vietnam is sanctioned' },
    ]);
  });

  it('a sanctions reason the sentence does not give as the reason for them, and sanctions it tells as stopped given as imposed', () => {
    const p = pack();
    const nk = indexOf(p.entities, 'north-korea');
    // The card would read "Sanctioned by United Nations for nuclear ambitions": the sentence says new U.N. sanctions were blocked.
    const support = 'Russia, along with China, has provided political support for North Korea’s nuclear ambitions, blocking U.S.-led efforts to impose new U.N. sanctions.';
    p.entities[nk].sanctions = { sanctioned: true, by: ['united-nations'], reason: 'nuclear ambitions', citation: { paragraph: 5, quote: support } };
    expect(problemsOf(p)).toEqual([
      {
        file: 'entities.json',
        path: `$[${nk}].sanctions.reason`,
        message: 'the sentence it cites must give the reason as the sanctions\' on North Korea: “North Korea for nuclear ambitions” (or “over”, “because of”)',
      },
      { file: 'entities.json', path: `$[${nk}].sanctions.by[0]`, message: 'the sentence it cites gives United Nations\'s sanctions as stopped, not imposed' },
    ]);
  });

  it('sanctions a sentence tells as blocked after naming them, and not those beside a mere “opposition”', () => {
    const p = pack();
    const nk = indexOf(p.entities, 'north-korea');
    const blocked = 'North Korea faces U.N. sanctions for its missile programs, which Russia and China have blocked.';
    const opposed = 'Despite opposition from China, North Korea faces U.N. sanctions for its missile programs.';
    const byOf = (sentence: string) => {
      p.entities[nk].sanctions = { sanctioned: true, by: ['united-nations'], reason: 'its missile programs', citation: { paragraph: 1, quote: sentence } };
      return problemsOf(p, `Headline\n${sentence}`).filter((x) => x.path.startsWith(`$[${nk}].sanctions`));
    };
    expect(byOf(blocked)).toEqual([
      { file: 'entities.json', path: `$[${nk}].sanctions.by[0]`, message: 'the sentence it cites gives United Nations\'s sanctions as stopped, not imposed' },
    ]);
    expect(byOf(opposed)).toEqual([]);
    // A relative clause of the sanctions' own that closes before the verb telling them stopped.
    const sought = 'New U.N. sanctions, which the U.S. sought over North Korea’s missile programs, were blocked by Russia and China.';
    // A passive clause of theirs after a comma, and a verb before an aside set off by commas.
    for (const sentence of [
      sought,
      'North Korea faces U.N. sanctions for its missile programs, vetoed by Russia and China on Tuesday.',
      'Russia and China blocked, in a vote on Tuesday, U.N. sanctions on North Korea for its missile programs.',
    ]) {
      expect(byOf(sentence).filter((x) => x.path.endsWith('.by[0]')), sentence).toEqual([
        { file: 'entities.json', path: `$[${nk}].sanctions.by[0]`, message: 'the sentence it cites gives United Nations\'s sanctions as stopped, not imposed' },
      ]);
    }
  });

  it('sanctions beside a word of stopping that speaks of something else, in a clause of its own, are in force', () => {
    const p = pack();
    const nk = indexOf(p.entities, 'north-korea');
    const byOf = (sentence: string) => {
      p.entities[nk].sanctions = { sanctioned: true, by: ['united-nations'], reason: 'its missile programs', citation: { paragraph: 1, quote: sentence } };
      return problemsOf(p, `Headline\n${sentence}`).filter((x) => x.path.startsWith(`$[${nk}].sanctions`));
    };
    expect(byOf('North Korea, which rejected the accusations, faces U.N. sanctions for its missile programs.')).toEqual([]);
    expect(byOf('North Korea faces U.N. sanctions for its missile programs; Russia rejected the accusations.')).toEqual([]);
  });

  it('a sanctioning party the sentence names, but not as imposing sanctions', () => {
    const p = pack();
    const i = indexOf(p.entities, 'north-korea');
    p.entities[i].sanctions.by = ['russia'];
    expect(problemsOf(p)).toEqual([
      {
        file: 'entities.json',
        path: `$[${i}].sanctions.by[0]`,
        message: 'the sentence it cites names Russia but not as imposing sanctions (“Russia sanctions”, “Russia-led sanctions”, “sanctions imposed by Russia”)',
      },
    ]);
  });

  it('a fact whose text says what its sentence does not: a word of its own, or an accusation told as what happened', () => {
    const p = pack();
    const trade = indexOf(p.facts, 'putin-trade-payment-systems');
    p.facts[trade].text = 'Putin mentioned plans to develop new digital trade and payment systems independent of Western control by 2030.';
    // Every word of it is in its sentence, in another form ("supplied", "supplying"): only the accusation is gone.
    const accused = indexOf(p.facts, 'weapons-supply-accusation');
    p.facts[accused].text = 'North Korea supplied weapons to Russia.';
    p.story.summary[1]!.text = `${p.story.summary[1]!.text.slice(0, -1)} proudly.`;
    expect(problemsOf(p)).toEqual([
      // Its speaker, the U.S., went with the accusation.
      { file: 'facts.json', path: `$[${accused}].text`, message: 'fact "weapons-supply-accusation": the text must name its speaker, United States (by its name or an alias)' },
      { file: 'story.json', path: '$.summary[1].text', message: expect.stringMatching(/^the text says “proudly”, which the sentence it cites does not; use its words$/) },
      { file: 'facts.json', path: `$[${trade}].text`, message: 'fact "putin-trade-payment-systems": the text says “digital”, “2030”, which the sentence it cites does not; use its words' },
      {
        file: 'facts.json',
        path: `$[${accused}].text`,
        message: 'fact "weapons-supply-accusation": the text says “supplied”, in the past, where the sentence it cites tells it in the present or the future: it would tell as done what is under way or to come',
      },
      {
        file: 'facts.json',
        path: `$[${accused}].text`,
        message: 'fact "weapons-supply-accusation": the sentence it cites tells of an accusation, an allegation, a claim or a denial; the text must tell it as one',
      },
      {
        file: 'facts.json',
        path: `$[${accused}].text`,
        message:
          'fact "weapons-supply-accusation": the text tells “supplied”, “weapons”, which the sentence it cites gives only as what United States, South Korea accuse; ' +
          'keep it inside the accusation and name who accuses ("… accuse North Korea of …", "accusations from … of …")',
      },
    ]);
  });

  it('a fact that leaves out what leaves its sentence open: “might supply” told as “supplies”', () => {
    const p = pack();
    const i = indexOf(p.facts, 'putin-first-visit-in-24-years');
    const arms = 'The visit comes amid concerns over an arms arrangement where North Korea might supply Russia with munitions for the Ukraine war in exchange for economic aid and technology.';
    p.facts[i].citation = { paragraph: 3, quote: arms };
    // Putin, its subject where it was, is no one that sentence names.
    p.facts[i].subjects = ['north-korea', 'russia'];
    p.facts[i].text = 'North Korea supplies Russia with munitions for the Ukraine war.';
    expect(problemsOf(p).filter((x) => x.path === `$[${i}].text`)).toEqual([
      { file: 'facts.json', path: `$[${i}].text`, message: 'fact "putin-first-visit-in-24-years": the sentence it cites says “might”, which the text leaves out: it would say more than the sentence' },
    ]);
    p.facts[i].text = 'North Korea might supply Russia with munitions for the Ukraine war.';
    expect(parseStoryPack(p, article, { articleName: 'article.txt' }).ok).toBe(true);
  });

  it('takes a sentence with a title in it (“Sen. Lindsey Graham said …”) for one sentence', () => {
    const text = 'Sen. Lindsey Graham said so. Gen. Mark Milley agreed.';
    const p = pack();
    const i = indexOf(p.facts, 'us-criticizes-visit');
    p.facts[i].citation = { paragraph: 1, quote: 'Sen. Lindsey Graham said so.' };
    p.facts[i].text = 'Lindsey Graham said so.';
    delete p.facts[i].speaker;
    p.facts[i].kind = 'event';
    const article = ['Headline', text].join('\n');
    expect(problemsOf(p, article).filter((x) => x.path.startsWith(`$[${i}].citation`))).toEqual([]);
  });

  it('a quote of two sentences, whose claims one fact would merge', () => {
    const p = pack();
    const i = indexOf(p.facts, 'weapons-supply-accusation');
    const paragraph = article.split('\n')[4]!;
    p.facts[i].citation.quote = paragraph;
    expect(problemsOf(p)).toEqual([{ file: 'facts.json', path: `$[${i}].citation.quote`, message: 'quote must be one sentence; it is 2 sentences of paragraph 4' }]);
  });

  it('a sanctioning party the sentence it cites does not name', () => {
    const p = pack();
    const i = indexOf(p.entities, 'russia');
    // The card would read "Sanctioned by China for its aggression in Ukraine": the article names no one behind Russia's sanctions.
    p.entities[i].sanctions.by = ['china'];
    expect(problemsOf(p)).toEqual([
      {
        file: 'entities.json',
        path: `$[${i}].sanctions.by[0]`,
        message: 'the sentence it cites does not name China: the card’s “Sanctioned by China” would be the pack’s claim, not the article’s',
      },
    ]);
  });

  it('a statement whose text does not name who said it', () => {
    const p = pack();
    const i = indexOf(p.facts, 'us-criticizes-visit');
    p.facts[i].text = 'Putin’s visit was criticized.';
    expect(problemsOf(p)).toEqual([
      { file: 'facts.json', path: `$[${i}].text`, message: 'fact "us-criticizes-visit": the text must name its speaker, United States (by its name or an alias)' },
    ]);
  });

  it('a statement given to a speaker the sentence it cites does not name', () => {
    const p = pack();
    const i = indexOf(p.facts, 'south-korea-un-resolutions');
    // Its text names its speaker, and its quote is verbatim: the ministry's words, shown as John Kirby's.
    p.facts[i].speaker = 'john-kirby';
    p.facts[i].text = 'John Kirby reiterated the need for Russia-North Korea cooperation to align with U.N. resolutions and regional peace.';
    expect(problemsOf(p)).toEqual([
      {
        file: 'facts.json',
        path: `$[${i}].speaker`,
        message:
          'fact "south-korea-un-resolutions": the sentence it cites does not have John Kirby saying anything, by name or by a pronoun after the name earlier in ' +
          'its paragraph: who says something there is South Korean Foreign Ministry (“reiterated”)',
      },
      {
        file: 'facts.json',
        path: `$[${i}].text`,
        message:
          'fact "south-korea-un-resolutions": the text names John Kirby, which the sentence it cites does not (by name, or by a pronoun after the name earlier ' +
          'in its paragraph); a name may stand only for one the sentence speaks of',
      },
      {
        file: 'facts.json',
        path: `$[${i}].text`,
        message: 'fact "south-korea-un-resolutions": the text has John Kirby as who “reiterated”, but in the sentence it cites that is South Korean Foreign Ministry',
      },
    ]);
  });

  it('a statement whose sentence names its speaker only by a pronoun, after the name in its paragraph (“He also mentioned”)', () => {
    // The texts' names are checked too (they name whom the sentence does not): here, only who says it.
    const speakerPaths = (p: RawPack) => problemsOf(p).filter((x) => x.path.endsWith('.speaker')).map((x) => x.path);
    const p = pack();
    const i = indexOf(p.facts, 'putin-trade-payment-systems');
    expect(p.facts[i].citation.quote).toMatch(/^He also mentioned/);
    p.facts[i].speaker = 'john-kirby';
    p.facts[i].text = 'John Kirby mentioned plans to develop new trade and payment systems independent of Western control.';
    expect(speakerPaths(p)).toEqual([`$[${i}].speaker`]);
    // Named in the paragraph before "He", after Putin: "He" is the person named last, not North Korea.
    p.facts[i].speaker = 'north-korea';
    p.facts[i].text = 'North Korea mentioned plans to develop new trade and payment systems independent of Western control.';
    expect(speakerPaths(p)).toEqual([`$[${i}].speaker`]);
  });

  it('a fact that opens by pointing back at the one before it (“It is his first…”), which a card may show alone', () => {
    const p = pack();
    const i = indexOf(p.facts, 'putin-first-visit-in-24-years');
    p.facts[i].text = 'It is his first in 24 years.';
    expect(problemsOf(p)).toEqual([expect.objectContaining({ file: 'facts.json', path: `$[${i}].text`, message: expect.stringMatching(/points back/) })]);
  });

  it('a card that would show one sentence twice: the fact that is the sentence word for word, and another taken from it', () => {
    const p = pack();
    const verbatim = indexOf(p.facts, 'relationship-follows-kim-visit');
    p.facts[verbatim].subjects.push('kim-jong-un');
    expect(problemsOf(p)).toEqual([
      {
        file: 'facts.json',
        path: `$[${verbatim}].subjects`,
        message: expect.stringContaining('fact "kim-visit-russian-far-east" is taken from this fact\'s sentence, which this fact is word for word: the card of kim-jong-un would show it twice'),
      },
    ]);
  });

  it('an asymmetric contests link', () => {
    const p = pack();
    const accusation = indexOf(p.facts, 'weapons-supply-accusation');
    const denial = indexOf(p.facts, 'weapons-supply-denial');
    p.facts[denial].contests = p.facts[denial].contests.filter((id: string) => id !== 'weapons-supply-accusation');
    expect(problemsOf(p)).toEqual([
      {
        file: 'facts.json',
        path: `$[${accusation}].contests[0]`,
        message:
          '"weapons-supply-accusation" contests "weapons-supply-denial" but not the other way round; ' +
          `add "weapons-supply-accusation" to $[${denial}].contests`,
      },
    ]);
  });

  it('a contests link that sets anything but an accusation or a statement against a denial', () => {
    const p = pack();
    const concern = indexOf(p.facts, 'arms-arrangement-concerns');
    const denial = indexOf(p.facts, 'weapons-supply-denial');
    // ¶3's concern, attributed to no one, is not what "these claims" of ¶4 are: linked, a card would show it as an accusation denied.
    p.facts[concern].contests = ['weapons-supply-denial'];
    p.facts[denial].contests.push('arms-arrangement-concerns');
    expect(problemsOf(p)).toEqual([
      {
        file: 'facts.json',
        path: `$[${concern}].contests[0]`,
        message:
          'only a denial and the accusation or statement it answers contest each other; ' +
          '"arms-arrangement-concerns" is of kind "background", "weapons-supply-denial" of kind "denial"',
      },
    ]);
  });

  it('other broken references: sanctions.by, contests, duplicate ids, an entity with no facts', () => {
    const p = pack();
    const nk = indexOf(p.entities, 'north-korea');
    p.entities[nk].sanctions.by = ['security-council'];
    p.facts[0].contests = ['no-such-fact'];
    p.facts[2].id = p.facts[1].id;
    const vietnamFacts = p.facts.filter((f: any) => f.subjects.includes('vietnam'));
    for (const f of vietnamFacts) f.subjects = f.subjects.filter((s: string) => s !== 'vietnam');
    expect(problemsOf(p).map((x) => `${x.file} ${x.path}: ${x.message}`)).toEqual([
      `entities.json $[${nk}].sanctions.by[0]: unknown entity id "security-council" (not in entities.json)`,
      `entities.json $[${indexOf(p.entities, 'vietnam')}]: no fact in facts.json has "vietnam" among its subjects`,
      `facts.json $[2].id: duplicate fact id "${p.facts[1].id}" (first used at $[1])`,
      'facts.json $[0].contests[0]: unknown fact id "no-such-fact" (not in facts.json)',
    ]);
  });

  it('a headline or article name that does not match the article', () => {
    const p = pack();
    p.story.headline = 'Putin Praises North Korea';
    p.story.article = '../secrets.txt';
    expect(problemsOf(p).map((x) => x.path)).toEqual(['$.headline', '$.article']);
  });

  it('reports every problem at once, not only the first', () => {
    const p = pack();
    p.entities[indexOf(p.entities, 'japan')].category = 'planet';
    p.facts[indexOf(p.facts, 'kim-visit-russian-far-east')].subjects[0] = 'kim-jong-il';
    p.facts[indexOf(p.facts, 'us-criticizes-visit')].citation.paragraph = 5;
    delete p.facts[indexOf(p.facts, 'kirby-concern-moscow-pyongyang')].speaker;
    expect(problemsOf(p)).toHaveLength(4);
  });

  it('an unusable file is one problem at its root', () => {
    expect(problemsOf({ ...pack(), entities: { not: 'an array' } })).toEqual([
      { file: 'entities.json', path: '$', message: 'expected array, got object {"not":"an array"}' },
    ]);
  });
});

describe('splitParagraphs', () => {
  it('numbers the headline 0 and each following line after it', () => {
    expect(splitParagraphs('\uFEFFHeadline\r\nOne\nTwo\n')).toEqual(['Headline', 'One', 'Two']);
  });

  it('keeps a blank line so the article check can flag it instead of renumbering', () => {
    expect(splitParagraphs('Headline\n\nOne')).toEqual(['Headline', '', 'One']);
    const problems = problemsOf(pack(), article.replace('\n', '\n\n'));
    expect(problems).toContainEqual({ file: 'article.txt', path: '$[1]', message: 'paragraph 1 is blank; every line must be one paragraph' });
  });

  it('splits the landed article into the headline and nine paragraphs', () => {
    expect(splitParagraphs(article)).toHaveLength(10);
  });
});
