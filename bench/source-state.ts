import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD_DIR } from '../tooling/launch-extension';
import type { SourceState } from './types';

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/**
 * The commit the run measured, and whether tracked files differed from it.
 * Untracked files are left out: a worktree's linked node_modules or a scratch
 * file is no change to the code, and a new source file changes a tracked one
 * that imports it. Nulls outside a git checkout.
 */
export function sourceState(): SourceState {
  try {
    return { commit: git('rev-parse', 'HEAD').trim(), dirty: git('status', '--porcelain', '--untracked-files=no').trim() !== '' };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** Files the extension's build does not read: the benchmark, tests, docs, scripts, and tool configuration. */
const NOT_BUILT = /^(?:bench|tests|docs|scripts)\/|^node_modules$|^\.|\/\.|\.test\.tsx?$|\.md$|^(?:eslint|playwright|vitest)\.config\./;

export const isBuildInput = (path: string) => !NOT_BUILT.test(path);

export interface SourceFile {
  path: string;
  mtimeMs: number;
}

/** The newest of `files` changed after `builtMs`, or null when the build is newer than all of them. */
export function newerThanBuild(builtMs: number, files: readonly SourceFile[]): SourceFile | null {
  const newest = files.reduce<SourceFile | null>((a, b) => (a === null || b.mtimeMs > a.mtimeMs ? b : a), null);
  return newest !== null && newest.mtimeMs > builtMs ? newest : null;
}

/**
 * Why .output/chrome-mv3 does not describe the sources, or null when it does
 * (or is not there, and will be built). The end-to-end figures measure that
 * build, so a budget judged on an old one says nothing of the code.
 */
export function staleBuildReason(): string | null {
  const manifest = join(CHROME_BUILD_DIR, 'manifest.json');
  if (!existsSync(manifest)) return null;
  const builtMs = statSync(manifest).mtimeMs;
  const files = git('ls-files', '-z', '--cached', '--others', '--exclude-standard')
    .split('\0')
    .filter((path) => path !== '' && isBuildInput(path) && existsSync(path))
    .map((path) => ({ path, mtimeMs: statSync(path).mtimeMs }));
  const newer = newerThanBuild(builtMs, files);
  if (!newer) return null;
  const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
  return `.output/chrome-mv3 was built ${at(builtMs)}, before ${newer.path} changed (${at(newer.mtimeMs)}): the figures would describe that build, not these sources. Run with --build, or build first (npx wxt build).`;
}
