import { describe, expect, it } from 'vitest';
import type { PageMention } from './find-mentions';
import { nextMention, type ViewPlace } from './reveal';

const mention = (entityId: string, place: ViewPlace) => ({ entityId, place }) as unknown as PageMention & { place: ViewPlace };
const placeOf = (m: PageMention) => (m as PageMention & { place: ViewPlace }).place;

describe('nextMention', () => {
  const list = [mention('russia', 'elsewhere'), mention('china', 'in'), mention('russia', 'in'), mention('japan', 'below')];

  it('reveals the next mention of an entity after the current one, wrapping around', () => {
    const russia = (m: PageMention) => m.entityId === 'russia';
    expect(nextMention(list, undefined, russia)).toBe(list[0]);
    expect(nextMention(list, list[0], russia)).toBe(list[2]);
    expect(nextMention(list, list[2], russia)).toBe(list[0]);
    expect(nextMention(list, undefined, (m) => m.entityId === 'ukraine')).toBeUndefined();
  });

  it('walks the mentions in view first, then the next one below', () => {
    const all = () => true;
    expect(nextMention(list, undefined, all, placeOf)).toBe(list[1]);
    expect(nextMention(list, list[1], all, placeOf)).toBe(list[2]);
    expect(nextMention(list, list[2], all, placeOf)).toBe(list[3]);
    expect(nextMention(list, list[3], all, placeOf)).toBe(list[1]);
  });

  it('passes over names partly on screen or covered before those wholly in view', () => {
    const page = [mention('putin', 'elsewhere'), mention('north-korea', 'elsewhere'), mention('kim-jong-un', 'in'), mention('russia', 'below')];
    expect(nextMention(page, undefined, () => true, placeOf)).toBe(page[2]);
    expect(nextMention(page, page[2], () => true, placeOf)).toBe(page[3]);
  });

  it('measures only the names near the screen for being in view, and stops at the first find', () => {
    // A plain-text log holds 100,000 names in one text node, where each measurement costs a millisecond or more.
    const many = Array.from({ length: 100_000 }, (_, i) => mention('putin', i < 50_000 ? 'elsewhere' : i < 50_040 ? 'in' : 'below'));
    const near = (i: number) => (i < 49_990 ? 'above' : i < 50_060 ? 'near' : 'below');
    let measured = 0;
    const counted = (m: PageMention) => {
      measured++;
      return placeOf(m);
    };
    expect(nextMention(many, undefined, () => true, counted, true, near)).toBe(many[50_000]);
    expect(nextMention(many, many[50_039], () => true, counted, true, near)).toBe(many[50_040]);
    expect(nextMention(many, many[60_000], () => true, counted, true, near)).toBe(many[60_001]);
    expect(measured).toBeLessThan(100);
  });
});
