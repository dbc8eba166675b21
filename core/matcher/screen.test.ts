import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newsPiece } from '../../tests/fixtures/news-text';
import { EntitiesFileSchema } from '../story/schema';
import { compileMatcher, createMatchState } from './index';
import { buildPatterns } from './patterns';
import { buildScreen } from './screen';
import { createTextScreen } from './screen-text';

const story = EntitiesFileSchema.parse(JSON.parse(readFileSync(resolve('data/summit/entities.json'), 'utf8')));
const matcher = compileMatcher(story);
const source = buildScreen(story);
const screen = createTextScreen(source);

const found = (text: string) => matcher.scan(text, createMatchState());

describe('the story screen', () => {
  it('lets through every block of text in which the matcher finds a mention', () => {
    const text = fc
      .array(
        fc.oneof(
          newsPiece,
          fc.constantFrom('state of Washington', 'Washington Post', 'Washington Postal', 'Latin America', 'John Kirby', 'Kirby', 'the United States', 'U.S.S.R.'),
        ),
        { maxLength: 30 },
      )
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (block) => {
        if (found(block).length === 0) return;
        // A page's text holds a name wherever a block of it holds a mention...
        const places = screen.namePlaces(block);
        if (places !== null) expect(places).not.toEqual([]);
        // ...and the block itself passes.
        expect(screen.mayMention(block)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('starts every name that counts on its own with one of its first words', () => {
    for (const pattern of buildPatterns(story)) {
      if (pattern.exclude || !pattern.always) continue;
      expect(screen.namePlaces(`… ${pattern.form} …`), pattern.form).toContain(2);
      expect(screen.mayMention(`… ${pattern.form} …`), pattern.form).toBe(true);
    }
  });

  it.each([
    ['a near miss', 'Russian officials in Chinatown'],
    ['an exclusion phrase', 'according to The Washington Post'],
    ['a short form that needs the full name first', 'Kirby declined to comment'],
    ['a name inside a longer word', 'the USSRs and Putinism'],
    ['a name inside an exclusion phrase that starts with another word', 'Download — English (US)'],
  ])('stops %s', (_label, text) => {
    expect(found(text)).toEqual([]);
    expect(screen.mayMention(text)).toBe(false);
  });

  it('looks for a name whose first word is one letter (“S Korea”) by both its words, however they are separated', () => {
    // By its letter alone, every capital S or N of a page would be a place to look: a hundred times the work on news text.
    expect(Object.keys(source.names).filter((word) => word.length === 1)).toEqual([]);
    expect(Object.keys(source.names)).toEqual(expect.arrayContaining(['N Korea', 'S Korea']));
    for (const [text, end] of [['N Korea fires', 7], ['N-Korea fires', 7], ['N\u00a0 Korea fires', 8], ['S KOREA WATCHES', 7], ['S-korea', 7]] as const) {
      expect(screen.namePlaces(text), text).toEqual([0, end]);
      expect(screen.mayMention(text), text).toBe(true);
    }
  });

  it('reads names the way the scanner folds them: other spaces, dashes and apostrophes', () => {
    expect(screen.mayMention('Kim\u00a0Jong–un said')).toBe(true);
    expect(screen.mayMention('South Korea’s Foreign Ministry')).toBe(true);
    expect(screen.mayMention('North \n   Korea')).toBe(true);
  });

  it('finds names in a whole page’s text even where blocks run together, and says where', () => {
    // "Chinatown" and "Putin" were list items: the page's text glues them. Boundaries are the nodes' to judge.
    expect(screen.namePlaces('ChinatownPutin and the U.S.S.R.')).toEqual([0, 5, 9, 14, 23, 31]);
    // Invisible characters may hide inside a name: no answer.
    expect(screen.namePlaces('Pyong\u00adyang')).toBeNull();
    // Elsewhere they change nothing: some sites put soft hyphens in every long word.
    expect(screen.namePlaces('Zusammen\u00adarbeit der Bundes\u00adregierung')).toEqual([]);
  });

  it('lets through a name that stands in another entity’s exclusion phrase, which hides only that entity', () => {
    for (const text of ['South Korea’s National Security Council met.', 'The National Security Council of Japan met.']) {
      expect(found(text), text).not.toEqual([]);
      expect(screen.mayMention(text), text).toBe(true);
    }
    expect(screen.mayMention('The Washington Post reported.')).toBe(false);
  });

  it('takes a shorter name where the longest form at a place runs into a word', () => {
    // "Washington Post" is an exclusion phrase, but not inside "Washington Postal".
    expect(found('Washington Postal workers')).not.toEqual([]);
    expect(screen.mayMention('Washington Postal workers')).toBe(true);
  });

  it('files every name under the first word the search finds where the name starts', () => {
    const firstWord = new RegExp(`^(?:${source.anchors})`);
    const filed = Object.entries(source.names).flatMap(([word, names]) => names.map((name) => [word, name] as const));
    for (const [word, name] of filed) expect(firstWord.exec(name)?.[0], name).toBe(word);
    const names = new Set(buildPatterns(story).filter((pattern) => !pattern.exclude && pattern.always).map((pattern) => pattern.form));
    const listed = filed.map(([, name]) => name);
    for (const name of listed) expect(names, name).toContain(name);
    // The rest begin with a listed one: "Washington, D.C." is where "Washington" is.
    for (const name of names) expect(listed.some((shorter) => name.startsWith(shorter)), name).toBe(true);
  });

  it('lists no name that begins with a shorter name it lists, up to a word’s end', () => {
    const listed = Object.values(source.names).flat();
    for (const name of ['United States of America', 'Washington, D.C.', 'Russia\'s Far East', 'South Korea\'s Foreign Ministry', 'U.S. National Security Council']) {
      expect(listed, name).not.toContain(name);
      expect(screen.mayMention(`the ${name} said`), name).toBe(true);
    }
    // A name that goes on inside a word is another word: "South Korea" is not in "South Korean Foreign Ministry".
    expect(listed).toContain('South Korean Foreign Ministry');
    expect(listed).toContain('UnitedStatesNationalSecurityCouncil');
  });

  it('keeps a longer name where an exclusion phrase would hide the shorter one it begins with', () => {
    const entities = EntitiesFileSchema.parse([
      { id: 'bar', name: 'Bar', category: 'place', aliases: [{ text: 'Bar', exclude: ['Bar Harbor'] }] },
      { id: 'bar-harbor-fund', name: 'Bar Harbor Fund', category: 'organization', aliases: [{ text: 'Bar Harbor Fund' }] },
    ]);
    const text = 'The Bar Harbor Fund said so.';
    expect(compileMatcher(entities).scan(text, createMatchState())).not.toEqual([]);
    expect(createTextScreen(buildScreen(entities)).mayMention(text)).toBe(true);
    expect(createTextScreen(buildScreen(entities)).mayMention('Bar Harbor is cold.')).toBe(false);
  });

  it('is small enough to compile into the script on every page', () => {
    // Mostly exclusion phrases ("Tacoma, Washington", "U.S. Open women's", "Moscow Exchange shares") in two cases, and
    // the long names' title-case forms ("Union Of Soviet Socialist Republics"); 22 kB here is about 6 KiB of the
    // script's 15 KiB gzipped (the whole script 12.9 KiB). "Việt Nam", in its composed and decomposed spellings, took
    // it past 22,000.
    expect(JSON.stringify(source).length).toBeLessThan(22_500);
  });
});
