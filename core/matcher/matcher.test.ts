import { describe, expect, it } from 'vitest';
import { SUMMIT_ENTITIES } from '../../tests/fixtures/summit-entities';
import type { AliasInput } from '../story/schema';
import { compileMatcher, createMatchState, type MatchableEntity, type MatchState } from './index';

function entity(id: string, name: string, aliases: AliasInput[], category: MatchableEntity['category'] = 'place'): MatchableEntity {
  return {
    id,
    name,
    category,
    aliases: aliases.map((alias) => ({ rule: 'always', exclude: [], ambiguous: false, ...alias })),
  };
}

const summit = compileMatcher(SUMMIT_ENTITIES);

/** "entity-id:text as on the page" for each mention, in order. */
function found(text: string, matcher = summit, state: MatchState = createMatchState()): string[] {
  return matcher.scan(text, state).map((span) => `${span.entityId}:${text.slice(span.start, span.end)}`);
}

describe('case', () => {
  it('matches proper names in their own case', () => {
    expect(found('Beijing said China would not attend.')).toEqual(['china:China']);
  });
  it('does not match a name written as a common noun', () => {
    expect(found('They served tea in fine china.')).toEqual([]);
    expect(found('He told us that russia was mentioned in lower case.')).toEqual([]);
  });
  it('matches the acronym US but not the pronoun us', () => {
    expect(found('The US said it would respond.')).toEqual(['united-states:US']);
    expect(found('Let us respond.')).toEqual([]);
  });
});

describe('ALL CAPS headlines and datelines', () => {
  it('matches multi-word names in capitals', () => {
    expect(found('NORTH KOREA FIRES MISSILE INTO SEA')).toEqual(['north-korea:NORTH KOREA']);
  });
  it('matches a dateline in capitals followed by the country', () => {
    expect(found('PYONGYANG, North Korea — The summit opened on Wednesday.')).toEqual([
      'pyongyang:PYONGYANG',
      'north-korea:North Korea',
    ]);
  });
  it('matches a single-word name of four letters or more in capitals', () => {
    const putin = compileMatcher([entity('vladimir-putin', 'Vladimir Putin', [{ text: 'Putin' }], 'person')]);
    expect(found('PUTIN ARRIVES FOR SUMMIT', putin)).toEqual(['vladimir-putin:PUTIN']);
  });
  it('keeps the after-full-name rule for the capitals form', () => {
    expect(found('PUTIN ARRIVES FOR SUMMIT')).toEqual([]);
    expect(found('VLADIMIR PUTIN LANDS. PUTIN ARRIVES')).toEqual([
      'vladimir-putin:VLADIMIR PUTIN',
      'vladimir-putin:PUTIN',
    ]);
  });
  it('does not read a short acronym in an all-caps line as a name', () => {
    expect(found('TRUMP TELLS US TO WAIT')).toEqual([]);
    expect(found('US WARNS OF SANCTIONS')).toEqual([]);
  });
  it('does not read an acronym right before a dollar sign as a name: it is a currency’s prefix', () => {
    expect(found('It raised US$200 million, or US$ 1.2bn.')).toEqual([]);
    expect(found('The US$ fell; the US fell.')).toEqual(['united-states:US']);
    // Invisible characters between them change nothing (a random run of the property tests found a soft hyphen did).
    expect(found('It raised US\u00AD$200 million, or US\u200B$ 1.2bn.')).toEqual([]);
  });
  it('still matches a short acronym in ordinary text', () => {
    expect(found('The US and the UN disagreed.')).toEqual(['united-states:US', 'united-nations:UN']);
  });
  it('matches a short acronym after a headline’s label in capitals, or beside other acronyms, in a line of ordinary words', () => {
    for (const [text, mention] of [
      ['WATCH: US strikes Houthi targets', 'united-states:US'],
      ['BREAKING: US imposes new sanctions', 'united-states:US'],
      ['LIVE: UN Security Council votes', 'united-nations:UN'],
      ['VIDEO: UN envoy meets Kim', 'united-nations:UN'],
      ['Putin Warns US, NATO Over Ukraine Aid', 'united-states:US'],
      ['US, UK and France condemn the launch', 'united-states:US'],
      ['US GDP grew 2% in the quarter', 'united-states:US'],
      ['New US AI chip export rules', 'united-states:US'],
      ['The UN IAEA chief visited', 'united-nations:UN'],
    ] as const) {
      expect(found(text), text).toContain(mention);
    }
  });
  it('reads a short acronym as a word right after a word in capitals, even in a line of ordinary words', () => {
    for (const text of [
      'FOLLOW US on X',
      'LET US know what you think',
      'JOIN US for the webinar',
      'TELL US: what did you see?',
      'WRITE TO US at help@example.com',
      'ALL OF US are here',
      'DRINKS ARE ON US tonight',
      'IT’S UP TO US now',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    // A label on the line before is not this line's: "LIVE" alone over the headline.
    expect(found('LIVE\nUS strikes Houthi targets')).toEqual(['united-states:US']);
  });
  it('matches dotted abbreviations in all-caps lines', () => {
    expect(found('TRUMP TELLS U.S. TO WAIT')).toEqual(['united-states:U.S.']);
  });
  it('generates no capitals form for names under four letters', () => {
    const kim = compileMatcher([entity('kim', 'Kim', [{ text: 'Kim' }], 'person')]);
    expect(found('Kim spoke. KIM SPOKE.', kim)).toEqual(['kim:Kim']);
  });
  it('generates no capitals form for ordinary English words', () => {
    const turkey = compileMatcher([entity('turkey', 'Turkey', [{ text: 'Turkey' }], 'country')]);
    expect(found('Turkey votes. TURKEY PRICES SOAR. We ate turkey.', turkey)).toEqual(['turkey:Turkey']);
    expect(found('CHINA AND FINE CHINA')).toEqual([]);
  });
  it('matches a capitals form the pack lists explicitly', () => {
    const china = compileMatcher([entity('china', 'China', [{ text: 'China' }, { text: 'CHINA' }], 'country')]);
    expect(found('CHINA WARNS', china)).toEqual(['china:CHINA']);
  });
});

describe('word boundaries', () => {
  it('matches an abbreviation ending in a full stop at the end of a sentence', () => {
    expect(found('The sanctions were led by the U.S.')).toEqual(['united-states:U.S.']);
    expect(found('The sanctions were led by the U.S. Allies followed.')).toEqual(['united-states:U.S.']);
  });
  it('matches an abbreviation followed by a hyphen', () => {
    expect(found('U.S.-led sanctions and U.N.-backed talks')).toEqual(['united-states:U.S.', 'united-nations:U.N.']);
  });
  it('never matches inside a longer word', () => {
    expect(found('Russian troops entered Chinatown in the USA.')).toEqual([]);
    expect(found('Vladimir Putin defended Putinism.')).toEqual(['vladimir-putin:Vladimir Putin']);
    expect(found('The U.S.S.R. was dissolved.')).toEqual([]);
    expect(found('RussiaToday and SuperChina are not mentions, nor is 2China.')).toEqual([]);
  });
  it('treats accented letters as letters', () => {
    expect(found('Chinaé and éRussia are not mentions.')).toEqual([]);
  });
  it('matches next to punctuation and prefixes', () => {
    expect(found('(Russia), "China", anti-Russia, pro-China.')).toEqual([
      'russia:Russia',
      'china:China',
      'russia:Russia',
      'china:China',
    ]);
  });
  it('finds no mention in a web or e-mail address the page writes out, whatever its case', () => {
    expect(found('Read it at www.Putin.ru or https://example.com/Russia/NorthKorea today.')).toEqual([]);
    expect(found('See kremlin.ru/Putin, Putin.ru. and Russia.gov/sanctions; write to press@Russia.gov.')).toEqual([]);
    expect(found('Sources: (example.org/China) and <WWW.CHINA.ORG.CN>.')).toEqual([]);
  });
  it('ends an address where a script written without spaces runs up to it', () => {
    const china = compileMatcher([entity('china', 'China', [{ text: 'China' }], 'country')]);
    expect(found('详见https://www.kremlin.ru。China与Russia会谈（www.example.cn）China', china)).toEqual(['china:China', 'china:China']);
  });
  it('still reads prose with slashes, a missing space, handles and hashtags as mentions', () => {
    expect(found('Russia/Ukraine talks and U.S./China trade.')).toEqual(['russia:Russia', 'ukraine:Ukraine', 'united-states:U.S.', 'china:China']);
    expect(found('He met Vladimir Putin.Then he left.')).toEqual(['vladimir-putin:Vladimir Putin']);
    expect(found('@VladimirPutin and #NorthKorea trended.')).toEqual(['vladimir-putin:VladimirPutin', 'north-korea:NorthKorea']);
    expect(found('Visit Pyongyang. Russia/China/Ukraine, and Moscow: a summit.')).toEqual([
      'pyongyang:Pyongyang',
      'russia:Russia',
      'china:China',
      'ukraine:Ukraine',
      'moscow:Moscow',
    ]);
  });
  it('matches names in scripts written without spaces inside longer runs', () => {
    const dprk = compileMatcher([entity('north-korea', 'North Korea', [{ text: '北朝鲜' }], 'country')]);
    expect(found('北朝鲜领导人访问俄罗斯', dprk)).toEqual(['north-korea:北朝鲜']);
  });
});

describe('possessives', () => {
  it('covers the name only, with a straight or curly apostrophe', () => {
    expect(found('Russia’s economy and Russia\'s army')).toEqual(['russia:Russia', 'russia:Russia']);
    const spans = summit.scan('Ukraine’s army', createMatchState());
    expect(spans).toEqual([{ entityId: 'ukraine', alias: 'Ukraine', start: 0, end: 7 }]);
  });
});

describe('space, hyphen and dash variants', () => {
  const forms = [
    'Kim Jong Un',
    'Kim Jong-un',
    'Kim Jong-Un',
    'Kim-Jong-Un',
    'Kim Jong\u2011un',
    'Kim Jong\u2013Un',
    'Kim\u00a0Jong\u00a0Un',
    'Kim\u202fJong Un',
    'Kim Jong\n   Un',
    'KimJongUn',
  ];
  it.each(forms)('matches %j', (form) => {
    expect(found(`Then ${form} spoke.`)).toEqual([`kim-jong-un:${form}`]);
  });
  it('drops a capital only after a hyphen: "White house" is another phrase', () => {
    const house = compileMatcher([entity('white-house', 'White House', [{ text: 'White House' }], 'organization')]);
    expect(found('the White House, the White-house and a White house', house)).toEqual([
      'white-house:White House',
      'white-house:White-house',
    ]);
  });
  it('reads title-case headlines of names with a lower-case word', () => {
    expect(found('Republic Of Korea Protests')).toEqual(['south-korea:Republic Of Korea']);
  });
  it('does not join words across a spaced sentence dash or a double hyphen', () => {
    expect(found('North - Korea and North--Korea')).toEqual([]);
  });
  it('does not match run-together lower-case or all-lower-case forms', () => {
    expect(found('Kim Jongun and kim jong un')).toEqual([]);
  });
  it('matches a hyphenated alias written with a space', () => {
    const era = compileMatcher([entity('soviet-era', 'Soviet-era', [{ text: 'Soviet-era' }])]);
    expect(found('Soviet-era, Soviet era and Soviet–Era', era)).toEqual([
      'soviet-era:Soviet-era',
      'soviet-era:Soviet era',
      'soviet-era:Soviet–Era',
    ]);
  });
});

describe('hyphenated compounds', () => {
  it('yields both names on either side of any dash', () => {
    expect(found('the Russia-North Korea relationship')).toEqual(['russia:Russia', 'north-korea:North Korea']);
    expect(found('the Moscow–Pyongyang axis')).toEqual(['moscow:Moscow', 'pyongyang:Pyongyang']);
    expect(found('the Russia—China—North Korea triangle')).toEqual([
      'russia:Russia',
      'china:China',
      'north-korea:North Korea',
    ]);
  });
});

describe('invisible characters', () => {
  it('ignores a soft hyphen inside a name and spans the original text', () => {
    const text = 'The summit in Pyong\u00adyang ended.';
    expect(summit.scan(text, createMatchState())).toEqual([
      { entityId: 'pyongyang', alias: 'Pyongyang', start: 14, end: 24 },
    ]);
  });
  it.each([
    ['zero-width space', '\u200b'],
    ['zero-width non-joiner', '\u200c'],
    ['zero-width joiner', '\u200d'],
    ['word joiner', '\u2060'],
    ['byte-order mark', '\ufeff'],
  ])('ignores a %s inside a name', (_label, mark) => {
    expect(found(`in Mos${mark}cow today`)).toEqual([`moscow:Mos${mark}cow`]);
  });
  it('still sees the longer word behind a soft hyphen', () => {
    expect(found('Rus\u00adsia\u00adn troops')).toEqual([]);
  });
  it('treats no-break spaces as spaces', () => {
    expect(found('North\u00a0Korea and South\u202fKorea')).toEqual([
      'north-korea:North\u00a0Korea',
      'south-korea:South\u202fKorea',
    ]);
  });
});

describe('longest match wins', () => {
  it('prefers the region to the country', () => {
    expect(found('Kim visited Russia’s Far East last year.')).toEqual(['russian-far-east:Russia’s Far East']);
  });
  it('reads the official name as one mention of North Korea', () => {
    expect(found('the Democratic People\u2019s Republic of Korea said')).toEqual([
      'north-korea:Democratic People\u2019s Republic of Korea',
    ]);
  });
  it('reads the ministry as one mention, and counts its country as seen', () => {
    expect(found('South Korea’s Foreign Ministry said Korea would respond.')).toEqual([
      'south-korea-foreign-ministry:South Korea’s Foreign Ministry',
      'south-korea:Korea',
    ]);
  });
});

describe('after-full-name', () => {
  it('does not match a short form before the full name', () => {
    expect(found('Putin arrived. Later Vladimir Putin spoke.')).toEqual(['vladimir-putin:Vladimir Putin']);
  });
  it('matches a short form after the full name in the same block', () => {
    expect(found('Vladimir Putin arrived. Putin spoke.')).toEqual([
      'vladimir-putin:Vladimir Putin',
      'vladimir-putin:Putin',
    ]);
  });
  it('carries the sighting from block to block of one page', () => {
    const state = createMatchState();
    expect(found('Vladimir Putin arrived.', summit, state)).toEqual(['vladimir-putin:Vladimir Putin']);
    expect(found('Putin spoke.', summit, state)).toEqual(['vladimir-putin:Putin']);
    expect(found('Putin spoke.')).toEqual([]);
  });
  it('accepts an always alias as the full name', () => {
    expect(found('The United States and Washington')).toEqual([
      'united-states:United States',
      'united-states:Washington',
    ]);
    expect(found('The U.S. and Washington')).toEqual(['united-states:U.S.', 'united-states:Washington']);
  });
  it('accepts the canonical name even when the pack does not list it', () => {
    const putin = compileMatcher([
      entity('vladimir-putin', 'Vladimir Putin', [{ text: 'Putin', rule: 'after-full-name' }], 'person'),
    ]);
    expect(found('Vladimir Putin and Putin', putin)).toEqual([
      'vladimir-putin:Vladimir Putin',
      'vladimir-putin:Putin',
    ]);
  });
  it('never matches a never alias', () => {
    expect(found('Kim Jong Un arrived. Kim spoke.')).toEqual(['kim-jong-un:Kim Jong Un']);
  });
});

describe('exclusions', () => {
  it('suppresses the alias inside an excluded phrase', () => {
    expect(found('The United States told the Washington Post about George Washington.')).toEqual([
      'united-states:United States',
    ]);
  });
  it('does not count a name hidden in an excluded phrase as seen', () => {
    const dc = compileMatcher([
      entity('washington-dc', 'Washington', [
        { text: 'Washington', exclude: ['George Washington'] },
        { text: 'D.C.', rule: 'after-full-name' },
      ]),
    ]);
    expect(found('George Washington slept in D.C.', dc)).toEqual([]);
    expect(found('Washington, D.C.', dc)).toEqual(['washington-dc:Washington', 'washington-dc:D.C.']);
  });
  it('takes a page naming another place of the same name to mean it from there on', () => {
    expect(found('Moscow, Idaho — The Moscow killings shook the town. Moscow police said.')).toEqual([]);
    // In the next block too, and only from there: what came before was read before the page said which Moscow.
    const state = createMatchState();
    expect(found('Kim Jong Un spoke of Moscow.', summit, state)).toEqual(['kim-jong-un:Kim Jong Un', 'moscow:Moscow']);
    expect(found('Students in Moscow, Idaho, mourned.', summit, state)).toEqual([]);
    expect(found('Moscow police said.', summit, state)).toEqual([]);
    // Another page starts afresh.
    expect(found('Moscow police said.')).toEqual(['moscow:Moscow']);
  });
  it('takes another place of the same name to be meant in the part of the page that names it, and in the parts inside it', () => {
    const state = createMatchState();
    const idahoStory = { part: 'Idaho story' };
    const russiaStory = { part: 'Russia story' };
    const comment = { part: 'a comment under the Idaho story' };
    const inPart = (text: string, ...parts: object[]) => {
      state.parts = () => parts;
      return found(text, summit, state);
    };
    expect(inPart('Students in Moscow, Idaho, mourned.', idahoStory)).toEqual([]);
    expect(inPart('Moscow police said.', idahoStory)).toEqual([]);
    expect(inPart('Moscow police said.', comment, idahoStory)).toEqual([]);
    // A front page's next story, about the summit: Moscow is Russia's capital there.
    expect(inPart('Putin flew from Moscow.', russiaStory)).toEqual(['moscow:Moscow']);
    // Text in no part after it is not in the Idaho story either.
    expect(inPart('Moscow police said.')).toEqual(['moscow:Moscow']);
    // A phrase in no part, once the page has parts, still speaks for the whole page below it.
    expect(inPart('A farm in Moscow, Idaho.')).toEqual([]);
    expect(inPart('Putin flew from Moscow.', russiaStory)).toEqual([]);
  });
  it('applies exclusions to capitals forms too', () => {
    expect(found('The United States. THE WASHINGTON POST REPORTS')).toEqual(['united-states:United States']);
  });
  it('lets another entity own the excluded phrase', () => {
    const both = compileMatcher([
      ...SUMMIT_ENTITIES,
      entity('washington-post', 'The Washington Post', [{ text: 'Washington Post' }], 'organization'),
    ]);
    expect(found('The United States told the Washington Post.', both)).toEqual([
      'united-states:United States',
      'washington-post:Washington Post',
    ]);
  });
});

describe('ambiguous forms', () => {
  const georgia = compileMatcher([
    entity('georgia', 'Georgia', [{ text: 'Georgia', ambiguous: true }, { text: 'Republic of Georgia' }], 'country'),
    entity('georgia-us', 'Georgia', [{ text: 'Georgia', ambiguous: true }, { text: 'State of Georgia' }]),
  ]);
  it('leaves a shared form unmarked when nothing on the page decides', () => {
    expect(found('Georgia voted.', georgia)).toEqual([]);
  });
  it('gives a shared form to the entity whose full name was seen most recently', () => {
    expect(found('The Republic of Georgia said Georgia voted.', georgia)).toEqual([
      'georgia:Republic of Georgia',
      'georgia:Georgia',
    ]);
    expect(found('The Republic of Georgia and the State of Georgia: Georgia voted.', georgia)).toEqual([
      'georgia:Republic of Georgia',
      'georgia-us:State of Georgia',
      'georgia-us:Georgia',
    ]);
  });
});

describe('what a block’s reading depended on (kept for rescans when asked for)', () => {
  const georgia = compileMatcher([
    entity('georgia', 'Georgia', [{ text: 'Georgia', ambiguous: true }, { text: 'Republic of Georgia' }], 'country'),
    entity('georgia-us', 'Georgia', [{ text: 'Georgia', ambiguous: true }, { text: 'State of Georgia' }]),
  ]);
  const journals = (text: string, matcher = summit, state = createMatchState(true)) => {
    matcher.scan(text, state);
    return { depends: [...new Set(state.depends)].sort(), order: [...new Set(state.dependsOnOrder)].sort() };
  };

  it('notes a short form passed over for want of a full name, and one taken after it; not a full name', () => {
    expect(journals('Kirby spoke.')).toEqual({ depends: ['john-kirby'], order: [] });
    expect(journals('John Kirby spoke.')).toEqual({ depends: [], order: [] });
    expect(journals('John Kirby spoke. Kirby left.')).toEqual({ depends: ['john-kirby'], order: [] });
  });

  it('notes a name passed over after another place of that name ended it', () => {
    const state = createMatchState(true);
    summit.scan('A farm in Moscow, Idaho.', state);
    expect(journals('Officials in Moscow said so.', summit, { ...state, depends: [], dependsOnOrder: [] }).depends).toEqual(['moscow']);
  });

  it('notes a form two entities share, taken or not, with both', () => {
    expect(journals('Georgia voted.', georgia)).toEqual({ depends: ['georgia', 'georgia-us'], order: ['georgia', 'georgia-us'] });
    expect(journals('The Republic of Georgia said Georgia voted.', georgia).order).toEqual(['georgia', 'georgia-us']);
  });
});

describe('edge cases', () => {
  it('returns nothing for empty text or an empty pack', () => {
    expect(found('')).toEqual([]);
    expect(found('Russia', compileMatcher([]))).toEqual([]);
  });
  it('reports the pack alias, not the page spelling', () => {
    expect(summit.scan('KIM JONG-UN', createMatchState())).toEqual([
      { entityId: 'kim-jong-un', alias: 'Kim Jong Un', start: 0, end: 11 },
    ]);
  });
  it('reads the summit article with the expected mentions', () => {
    const text =
      'Putin’s visit to North Korea, his first in 24 years, aims to deepen ties amidst escalating confrontations with Washington.';
    expect(found(text)).toEqual(['north-korea:North Korea']);
  });
});
