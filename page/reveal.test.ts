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
});
