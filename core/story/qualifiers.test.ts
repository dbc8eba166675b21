import { describe, expect, it } from 'vitest';
import { droppedQualifiers, pastNotInQuote } from './qualifiers';

describe('droppedQualifiers', () => {
  it('asks a text to keep what puts its sentence ahead or leaves it open, in any form of it', () => {
    expect(droppedQualifiers('Putin developed new trade systems.', 'He also mentioned plans to develop new trade systems.')).toEqual(['plans']);
    expect(droppedQualifiers('They opposed Western efforts.', 'They will “resolutely oppose” Western efforts.')).toEqual(['will']);
    expect(droppedQualifiers('They resolutely opposed Western efforts.', 'They will “resolutely oppose” Western efforts.')).toEqual(['will']);
    expect(droppedQualifiers('The visit deepened ties.', 'The visit aims to deepen ties.')).toEqual(['aims']);
    expect(droppedQualifiers('Russia would seek to block it.', 'Russia seeks to block it.')).toEqual([]);
    expect(droppedQualifiers('The U.S. urged countries not to support it.', 'The U.S. criticized it, urging countries not to support it.')).toEqual([]);
    expect(droppedQualifiers('Countries supported it.', 'The U.S. criticized it, urging countries not to support it.')).toEqual(['urging', 'not']);
  });

  it('asks nothing where the text leaves out what the qualifier qualifies', () => {
    expect(droppedQualifiers('The U.S. criticized the visit.', 'The U.S. criticized the visit, urging countries not to support Putin’s war efforts.')).toEqual([]);
  });
});

describe('droppedQualifiers, of a speaker’s label', () => {
  it('asks a text to keep who calls it so: “termed”, “called”, “so-called”, “described as”, “according to”', () => {
    const termed = 'He also mentioned plans to jointly oppose what he termed “unilateral and illegal restrictive measures.”';
    expect(droppedQualifiers('Putin mentioned plans to jointly oppose unilateral and illegal restrictive measures.', termed)).toEqual(['termed']);
    expect(droppedQualifiers('Putin mentioned plans to jointly oppose what he called unilateral and illegal restrictive measures.', termed)).toEqual([]);
    expect(droppedQualifiers('Russia opposes the restrictive measures.', 'Russia opposes the so-called restrictive measures.')).toEqual(['called']);
    expect(droppedQualifiers('The measures are illegal.', 'He described the measures as illegal.')).toEqual(['described']);
    expect(droppedQualifiers('The visit deepened tensions.', 'According to Kirby, the visit deepened tensions.')).toEqual(['according']);
    // A verb of saying names whose words they are as well.
    expect(droppedQualifiers('Kirby said the visit deepened tensions.', 'According to Kirby, the visit deepened tensions.')).toEqual([]);
  });

  it('leaves “call” and “describe” that label nothing: a phone call, a call made to thank, a scene described', () => {
    expect(droppedQualifiers('Putin thanked Xi Jinping on Monday.', 'In a call on Monday, Putin thanked Xi Jinping.')).toEqual([]);
    expect(droppedQualifiers('Putin thanked Xi Jinping for his support.', 'Putin called Xi Jinping to thank him for his support.')).toEqual([]);
    expect(droppedQualifiers('The talks lasted two hours.', 'Officials described talks that lasted two hours.')).toEqual([]);
  });
});

describe('pastNotInQuote', () => {
  it('finds the past a text puts on a sentence told in the present or the future', () => {
    const stop = 'Putin’s visit also includes a stop in Vietnam on Wednesday and Thursday, focusing on trade discussions.';
    expect(pastNotInQuote('Putin visited Vietnam on Wednesday and Thursday for trade discussions.', stop)).toEqual(['visited']);
    expect(pastNotInQuote('Putin went to Vietnam on Wednesday.', stop)).toEqual(['went']);
    expect(pastNotInQuote('Putin’s visit includes a stop in Vietnam.', stop)).toEqual([]);
  });

  it('leaves the tenses of a sentence that tells of the past in any form, and words that only end in “-ed”, to review', () => {
    expect(pastNotInQuote('Kim Jong Un visited Russia’s Far East last September.', 'The relationship follows Kim Jong Un’s visit to Russia’s Far East last September.')).toEqual([]);
    expect(pastNotInQuote('The Soviet Union collapsed.', 'Alliances weakened after the Soviet Union’s collapse in 1991.')).toEqual([]);
    expect(pastNotInQuote('The ministry reiterated the need for peace.', 'The ministry stresses the need for peace.')).toEqual(['reiterated']);
    expect(pastNotInQuote('The ministry stresses the need for peace.', 'The ministry stresses the need for peace.')).toEqual([]);
    // Adjectives in "-ed" tell no time.
    expect(pastNotInQuote('They will discuss the planned treaty and the alleged supply of armed drones.', 'They plan to sign a treaty.')).toEqual([]);
  });
});
