import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD_DIR } from '../tooling/launch-extension';

const MANIFEST = join(CHROME_BUILD_DIR, 'manifest.json');

/** Builds the Chrome extension when there is no build (or when asked); false when there is still none. */
export function ensureExtensionBuilt(force: boolean, log: (line: string) => void): boolean {
  if (force || !existsSync(MANIFEST)) {
    log(force ? 'Building the extension (--build)…' : 'No .output/chrome-mv3: building the extension…');
    try {
      execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch (error) {
      log(`  the build failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return existsSync(MANIFEST);
}

/** When the build was made, as an ISO date; null without a build. */
export function builtAt(): string | null {
  return existsSync(MANIFEST) ? statSync(MANIFEST).mtime.toISOString().replace(/\.\d+Z$/, 'Z') : null;
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
