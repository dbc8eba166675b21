/**
 * The bundled pack's bare "Putin" against other people's given names, "N Korea" and
 * "S Korea" as headlines write them, and "Korea’s Foreign Ministry", which is either
 * Korea's on its own: on sentences from the news.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EntitiesFileSchema } from '../story/schema';
import { compileStory } from './compile-story';
import { compileMatcher, createMatchState } from './index';
import { matcherFrom } from './runtime';
import { decodeMatcher, encodeMatcher, type MatcherWire } from './wire';

const entities = EntitiesFileSchema.parse(JSON.parse(readFileSync('data/summit/entities.json', 'utf8')));
const pack = compileMatcher(entities);

function found(...blocks: string[]): string[] {
  const state = createMatchState();
  return blocks.flatMap((text) => pack.scan(text, state).map((span) => `${span.entityId}:${text.slice(span.start, span.end)}`));
}
const putins = (...blocks: string[]) => found(...blocks).filter((name) => name.startsWith('vladimir-putin'));

describe('a bare Putin', () => {
  it('is another Putin after his given name in prose, at a sentence’s start too', () => {
    for (const text of [
      'Mikhail Putin, deputy chairman of Gazprom, said the pipeline was ready.',
      'Gazprom named Mikhail Putin, deputy chairman of Gazprom, to the board.',
      'His grandfather Spiridon Putin was a cook.',
      'Spiridon Putin cooked for Lenin and Stalin, the family says.',
      'The court heard from Ms. Putin, his former wife.',
      'Igor Putin, a cousin, and Roman Putin.',
      'The pipeline was ready. Mikhail Putin said so.',
    ]) {
      expect(putins(text), text).toEqual([]);
    }
  });

  it('is the story’s after a title, a rank, a possessive, a word a sentence opens with, or in a title-case line', () => {
    for (const text of [
      'President Putin said the talks went well.',
      'Russian President Putin arrived.',
      'Mr Putin thanked his host; Mr. Putin left.',
      'Later Putin said the ties were strong.',
      'When Putin arrived, Kim greeted him.',
      // Openers that are given names too, which a bare Kim or Kirby does not stand after as the story's.
      'Will Putin attend the summit?',
      'So Putin flew on to Hanoi.',
      'Russia’s Putin flew to Pyongyang.',
      'Kim hugged Putin at the airport.',
      'Putin, Kim sign pact',
      'the Kim-Putin summit',
      'Putin Praises North Korea’s Support, Plans Closer Cooperation',
      'Xi Welcomes Putin to Beijing',
      '“We will oppose it,” Putin said.',
      'In Vladivostok Putin met Kim.',
      'He told the Financial Times Putin would not back down.',
      'Before the Trump Putin summit, aides met.',
      'The Kim Jong Un Putin talks ran late.',
      'Xi and Putin met; Trump-Putin ties cooled.',
    ]) {
      expect(putins(text).length, text).toBeGreaterThan(0);
    }
    // Only the namesake's own mention is passed over: the story's Putin after it is his.
    expect(putins('Mikhail Putin, deputy chairman of Gazprom, spoke.', 'Putin arrived in Pyongyang.')).toEqual(['vladimir-putin:Putin']);
  });

  it('keeps the rule on the wire', () => {
    const compiled = compileStory(entities);
    const decoded = decodeMatcher(JSON.parse(JSON.stringify(encodeMatcher(compiled))) as MatcherWire);
    expect(decoded.rules.filter((rule) => rule.otherFirstNames).map((rule) => rule.alias)).toContain('Putin');
    const text = 'Mikhail Putin, deputy chairman of Gazprom, met President Putin.';
    expect(matcherFrom(decoded).scan(text, createMatchState()).map((span) => text.slice(span.start, span.end))).toEqual(['Putin']);
    expect(matcherFrom(decoded).scan(text, createMatchState())[0]!.start).toBe(text.lastIndexOf('Putin'));
  });
});

describe('N Korea and S Korea', () => {
  it('are the Koreas in a headline’s short forms, in capitals and with a dash too', () => {
    expect(found('N Korea fires missile as S Korea watches')).toEqual(['north-korea:N Korea', 'south-korea:S Korea']);
    expect(found('N KOREA FIRES MISSILE AS S KOREA WATCHES')).toEqual(['north-korea:N KOREA', 'south-korea:S KOREA']);
    expect(found('Putin lands in N-Korea; S Korea’s Foreign Ministry protests')).toEqual([
      'vladimir-putin:Putin',
      'north-korea:N-Korea',
      'south-korean-foreign-ministry:S Korea’s Foreign Ministry',
    ]);
  });

  it('are not a letter on its own, a possessive’s S, or a letter apart from Korea', () => {
    for (const text of [
      'PUTIN’S KOREA VISIT; HYUNDAI’S KOREA SALES SLUMP',
      'KIA’\u00adS KOREA SALES',
      'Samsung’S Korea unit',
      'the Rock N Korea festival; Rock ’N Korea tickets',
      'Plan N, Korea said, was dead.',
      'Grade N students in Korea',
      'an S-class Korea tour',
      'N. and S. were the poles; Korea was neither.',
    ]) {
      expect(found(text).filter((name) => /korea/.test(name)), text).toEqual([]);
    }
  });
});

describe('Korea’s Foreign Ministry', () => {
  it('is no one’s on its own, as bare “Korea” is, and Seoul’s after the ministry’s full name', () => {
    expect(found('Pyongyang slams Seoul. Korea’s Foreign Ministry said the drills were a provocation.')).toEqual(['pyongyang:Pyongyang']);
    expect(found('South Korea’s Foreign Ministry spoke.', 'Korea’s Foreign Ministry said so again.')).toEqual([
      'south-korean-foreign-ministry:South Korea’s Foreign Ministry',
      'south-korean-foreign-ministry:Korea’s Foreign Ministry',
    ]);
    // After the full name, North Korea's is North Korea's still.
    expect(found('South Korea’s Foreign Ministry spoke.', 'North Korea’s Foreign Ministry replied.')).toEqual([
      'south-korean-foreign-ministry:South Korea’s Foreign Ministry',
      'north-korea:North Korea',
    ]);
  });
});
