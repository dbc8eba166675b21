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

  it('takes a description’s citation in a fact’s shape: a paragraph and a quote, nothing else', () => {
    const entity = { id: 'x', name: 'X', category: 'place', description: 'x', aliases: [{ text: 'X' }] };
    expect(EntitySchema.safeParse({ ...entity, descriptionCitation: { paragraph: 1, quote: 'X is.' } }).success).toBe(true);
    expect(EntitySchema.safeParse({ ...entity, descriptionCitation: { paragraph: -1, quote: 'X is.' } }).success).toBe(false);
    expect(EntitySchema.safeParse({ ...entity, descriptionCitation: { paragraph: 1, quote: '' } }).success).toBe(false);
    expect(EntitySchema.safeParse({ ...entity, descriptionCitation: { paragraph: 1, quote: 'X is.', page: 2 } }).success).toBe(false);
  });
});
