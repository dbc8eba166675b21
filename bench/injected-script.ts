import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIREFOX_BUILD_DIR } from '../tooling/firefox-window';
import { CHROME_BUILD_DIR } from '../tooling/launch-extension';

const MANIFEST = join(CHROME_BUILD_DIR, 'manifest.json');

const BUILDS = {
  chrome: { dir: CHROME_BUILD_DIR, args: ['wxt', 'build'] },
  firefox: { dir: FIREFOX_BUILD_DIR, args: ['wxt', 'build', '-b', 'firefox'] },
} as const;

/** Builds the extension for `browser` when there is no build (or when asked); false when there is still none. */
export function ensureExtensionBuilt(force: boolean, log: (line: string) => void, browser: keyof typeof BUILDS = 'chrome'): boolean {
  const { dir, args } = BUILDS[browser];
  const manifest = join(dir, 'manifest.json');
  if (force || !existsSync(manifest)) {
    log(force ? `Building the extension for ${browser} (--build)…` : `No ${relative('.', dir)}: building the extension…`);
    try {
      execFileSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch (error) {
      log(`  the build failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return existsSync(manifest);
}

/** When the build for `browser` was made, as an ISO date; null without a build. */
export function builtAt(browser: keyof typeof BUILDS = 'chrome'): string | null {
  const manifest = join(BUILDS[browser].dir, 'manifest.json');
  return existsSync(manifest) ? statSync(manifest).mtime.toISOString().replace(/\.\d+Z$/, 'Z') : null;
}

interface Manifest {
  content_scripts?: { matches?: string[]; js?: string[] }[];
}

/**
 * Raw and gzipped bytes of the scripts the manifest injects into every page
 * (content scripts matching <all_urls>), as a browser would fetch them.
 */
export function injectedScriptSize(): { bytes: number; gzipBytes: number; files: string[] } | null {
  if (!existsSync(MANIFEST)) return null;
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  const files = (manifest.content_scripts ?? []).filter((cs) => cs.matches?.includes('<all_urls>')).flatMap((cs) => cs.js ?? []);
  if (files.length === 0) return null;
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(CHROME_BUILD_DIR, file));
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { bytes, gzipBytes, files };
}
