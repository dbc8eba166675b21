import { describe, expect, it } from 'vitest';
import { EntitySchema } from './schema';

describe('EntitySchema', () => {
  it('fills alias defaults so every layer sees the same shape', () => {
    const entity = EntitySchema.parse({
      id: 'north-korea',
      name: 'North Korea',
      category: 'country',
      description: 'country in East Asia',
      aliases: [{ text: 'North Korea' }],
    });
    expect(entity.aliases[0]).toEqual({ text: 'North Korea', rule: 'always', exclude: [], ambiguous: false });
  });

  it('rejects an unknown category', () => {
    const result = EntitySchema.safeParse({
      id: 'x',
      name: 'X',
      category: 'planet',
      description: 'x',
      aliases: [{ text: 'X' }],
    });
    expect(result.success).toBe(false);
  });
});
