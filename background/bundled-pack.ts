import article from '../data/summit/article.txt?raw';
import entities from '../data/summit/entities.json';
import facts from '../data/summit/facts.json';
import story from '../data/summit/story.json';
import type { PackSource } from '../core/story/pack-hash';

/** The story pack shipped inside the extension, with the hash the build computed of it; validated again before every seeding. */
export const bundledPack: PackSource = { files: { story, entities, facts }, article, hash: __BACKSTORY_PACK_HASH__ };
