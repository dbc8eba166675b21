import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../core/matcher';
import { EntitiesFileSchema } from '../core/story/schema';
import { scanBlocks } from '../page/find-mentions';
import { collectBlocks } from '../page/text-walk';
import { generateSyntheticPage, MIB } from './synthetic-page';
import { DECOY_WORDS } from './synthetic-vocabulary';

const entities = EntitiesFileSchema.parse(JSON.parse(readFileSync('data/summit/entities.json', 'utf8')));
const small = { textChars: 100_000, textNodes: 2_000 };

function textNodesOf(html: string): { nodes: number; chars: number } {
  const { document } = parseHTML(html);
  const walker = document.createTreeWalker(document.body, 0x4);
  let nodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes++;
    chars += (node as Text).data.length;
  }
  return { nodes, chars };
}

const found = (html: string) => scanBlocks(collectBlocks(parseHTML(html).document.body), compileMatcher(entities));

describe('generateSyntheticPage', () => {
  const full = generateSyntheticPage(entities);

  it('holds at least 4 MiB of text in about 80,000 text nodes', () => {
    expect(full.stats.textChars).toBeGreaterThanOrEqual(4 * MIB);
    expect(full.stats.textChars).toBeLessThan(4.1 * MIB);
    expect(full.stats.textNodes).toBeGreaterThan(76_000);
    expect(full.stats.textNodes).toBeLessThan(84_000);
  });

  it('counts text nodes and characters as a parser makes them', () => {
    const page = generateSyntheticPage(entities, small);
    expect(textNodesOf(page.html)).toEqual({ nodes: page.stats.textNodes, chars: page.stats.textChars });
  });

  it('plants names at a news page density, some split by tags or with a possessive', () => {
    const perMention = full.stats.textChars / full.stats.mentions;
    expect(perMention).toBeGreaterThan(150);
    expect(perMention).toBeLessThan(1000);
    expect(full.html).toMatch(/Kim <(b|em|a|span|strong)\b[^>]*>Jong<\/\1> Un/);
    expect(full.html).toMatch(/<(b|em|a|span|strong)\b[^>]*>North<\/\1> Korea/);
    expect(full.stats.splitMentions).toBeGreaterThan(full.stats.mentions * 0.05);
    expect(full.html).toContain('Russia’s');
  });

  it('holds the decoys', () => {
    for (const decoy of DECOY_WORDS) expect(full.html).toContain(decoy);
    expect(full.stats.decoys).toBeGreaterThan(100);
  });

  it('is the same page for the same seed', () => {
    expect(generateSyntheticPage(entities, small).html).toBe(generateSyntheticPage(entities, small).html);
  });

  it('holds exactly the planted mentions for Backstory: split names count, decoys do not', () => {
    const page = generateSyntheticPage(entities, small);
    expect(found(page.html)).toHaveLength(page.stats.mentions);
  });

  it('can leave the story out entirely', () => {
    const page = generateSyntheticPage(entities, { ...small, mentions: false });
    expect(page.stats.mentions).toBe(0);
    expect(found(page.html)).toHaveLength(0);
  });
});
