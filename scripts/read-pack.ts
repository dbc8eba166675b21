/**
 * Reads a pack directory from disk for Node scripts. A file that is missing or is
 * not JSON becomes a problem in the same shape the verifier uses, so scripts print
 * one kind of line instead of a stack trace.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isPlainFileName, type PackFiles, type PackProblem } from '../core/story/verify-pack';

export interface PackOnDisk {
  files: PackFiles;
  article: string;
  articleName: string;
}

export type ReadPackResult = { ok: true; pack: PackOnDisk } | { ok: false; problems: PackProblem[] };

type Loaded<T> = { ok: true; value: T } | { ok: false; problem: PackProblem };

const FALLBACK_ARTICLE = 'article.txt';

async function readText(dir: string, file: string): Promise<Loaded<string>> {
  try {
    return { ok: true, value: await readFile(path.join(dir, file), 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code ?? String(error);
    return { ok: false, problem: { file, path: '$', message: `cannot read the file (${reason})` } };
  }
}

async function readJson(dir: string, file: string): Promise<Loaded<unknown>> {
  const text = await readText(dir, file);
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown };
  } catch (error) {
    return { ok: false, problem: { file, path: '$', message: `not valid JSON (${(error as Error).message})` } };
  }
}

/**
 * The article is found through story.json's `article` field; when that field is
 * unusable the conventional name is read instead and the verifier reports the field.
 */
function articleNameOf(story: Loaded<unknown>): string {
  const named = story.ok ? (story.value as { article?: unknown } | null)?.article : undefined;
  return typeof named === 'string' && isPlainFileName(named) ? named : FALLBACK_ARTICLE;
}

export async function readPack(dir: string): Promise<ReadPackResult> {
  const [story, entities, facts] = await Promise.all(
    ['story.json', 'entities.json', 'facts.json'].map((file) => readJson(dir, file)),
  );
  if (!story || !entities || !facts) throw new Error('unreachable: three files requested');
  const articleName = articleNameOf(story);
  const article = await readText(dir, articleName);

  const loaded = [story, entities, facts, article];
  const problems = loaded.flatMap((l) => (l.ok ? [] : [l.problem]));
  if (!story.ok || !entities.ok || !facts.ok || !article.ok) return { ok: false, problems };
  return {
    ok: true,
    pack: { files: { story: story.value, entities: entities.value, facts: facts.value }, article: article.value, articleName },
  };
}
