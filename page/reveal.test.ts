import { describe, expect, it } from 'vitest';
import type { PageMention } from './find-mentions';
import { nextMention } from './reveal';

const mention = (entityId: string, top: number) => ({ entityId, top }) as unknown as PageMention & { top: number };
const boxOf = (m: PageMention) => {
  const top = (m as PageMention & { top: number }).top;
  return { top, bottom: top + 20 };
};

describe('nextMention', () => {
  const list = [mention('russia', -300), mention('china', 100), mention('russia', 400), mention('japan', 1200)];

  it('reveals the next mention of an entity after the current one, wrapping around', () => {
    const russia = (m: PageMention) => m.entityId === 'russia';
    expect(nextMention(list, undefined, russia)).toBe(list[0]);
    expect(nextMention(list, list[0], russia)).toBe(list[2]);
    expect(nextMention(list, list[2], russia)).toBe(list[0]);
    expect(nextMention(list, undefined, (m) => m.entityId === 'ukraine')).toBeUndefined();
  });

  it('walks the mentions in view first, then the next one below', () => {
    const all = () => true;
    expect(nextMention(list, undefined, all, boxOf, 800)).toBe(list[1]);
    expect(nextMention(list, list[1], all, boxOf, 800)).toBe(list[2]);
    expect(nextMention(list, list[2], all, boxOf, 800)).toBe(list[3]);
  });
});
