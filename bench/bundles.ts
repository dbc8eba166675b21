import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { BackstoryApi } from './bench-api';

export interface Bundles {
  /** The variants and probes (bench/page-harness-entry.ts). */
  harness: string;
  /** Backstory's page side, exposing window.__backstoryBench. */
  backstory: string;
  backstoryApi: BackstoryApi;
  markjs: string;
}

/**
 * Bundles the page-side code into standalone scripts a page can be given
 * with a <script> tag. Built in a temporary directory, read, and deleted:
 * the bundles are never part of the repository.
 */
export async function buildBundles(): Promise<Bundles> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  try {
    await build({
      entryPoints: {
        harness: resolve('bench/page-harness-entry.ts'),
        backstory: resolve('bench/page-annotator-entry.ts'),
      },
      bundle: true,
      format: 'iife',
      target: 'chrome120',
      platform: 'browser',
      outdir: dir,
      logLevel: 'error',
    });
    return {
      harness: readFileSync(join(dir, 'harness.js'), 'utf8'),
      backstory: readFileSync(join(dir, 'backstory.js'), 'utf8'),
      backstoryApi: 'PageAnnotator',
      markjs: readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
