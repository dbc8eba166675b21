/**
 * The layout is part of the design: these tests keep each layer to the code that
 * can run where it runs, and the script injected into every page small.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

/** Module specifiers `file` imports or re-exports; `values` leaves out type-only imports, which compile away. */
function importsOf(file: string, values = false): string[] {
  let source = readFileSync(file, 'utf8');
  if (values) source = source.replace(/^\s*(?:import|export)\s+type\s[^;]*;/gm, '');
  const staticImports = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
  // A module loaded on first need is bundled, and run, in the layer that loads it.
  const dynamicImports = /(?<![\w.])import\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...source.matchAll(staticImports), ...source.matchAll(dynamicImports)].map((m) => (m[1] ?? m[2])!);
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every package and local file reachable from `entry` through static imports (`values`: those that reach the bundle). */
function importGraph(entry: string, values = false): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const spec of importsOf(file, values)) {
      if (spec.startsWith('.')) {
        const local = resolveLocal(file, spec);
        if (local) queue.push(local);
      } else packages.add(spec);
    }
  }
  return { files, packages };
}

const rel = (file: string) => relative(ROOT, file);
const tsFiles = (dir: string) => filesUnder(resolve(dir)).filter((f) => !/\.test\.tsx?$/.test(f));

/** What `file` brings into its bundle, through every file it imports: the packages, and the project's files by path. */
function reaches(file: string): string[] {
  const { files, packages } = importGraph(file, true);
  return [...packages, ...[...files].filter((f) => f !== file).map(rel)];
}

// Node's modules, bare or with node:, but for those names npm also has packages of for browsers.
const FOR_BROWSERS_TOO = new Set(['assert', 'buffer', 'events', 'process', 'punycode', 'querystring', 'stream', 'string_decoder', 'timers', 'url', 'util']);
const NODE_MODULES = new Set(builtinModules.flatMap((name) => (FOR_BROWSERS_TOO.has(name) ? [`node:${name}`] : [name, `node:${name}`])));
// What only a browser, or only Node, has, as globals (not a property of that name): core/ runs in the page, the worker, the popup and the build alike.
const HOST_APIS =
  /(?<![\w$.])((browser|chrome)\.\w|(document|window|navigator|location|localStorage|sessionStorage|indexedDB|process)\.|(fetch|XMLHttpRequest|WebSocket|importScripts)\(|CSS\.highlights)/;
/** `source` without its comments, which may name such things: a line's `//` only where no quote precedes it on the line. */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^([^'"`\n]*?)\/\/.*$/gm, '$1');

describe('layers', () => {
  it('core/ is pure: no browser, DOM or Node API, no other layer', () => {
    for (const file of tsFiles('core')) {
      const source = readFileSync(file, 'utf8');
      const banned = (s: string) => NODE_MODULES.has(s) || /^(wxt|dexie|react)|^(page|background|extension|components|entrypoints)\//.test(s);
      expect(reaches(file).filter(banned), rel(file)).toEqual([]);
      expect(withoutComments(source), rel(file)).not.toMatch(HOST_APIS);
    }
  });

  it('page/ never reaches the database or the React UI, and bundles only the page’s own messages', () => {
    const banned = /^(dexie|react)|^(background|components)\/|^core\/messages\/protocol\.ts$|^extension\/send-message\.ts$/;
    for (const file of tsFiles('page')) expect(reaches(file).filter((s) => banned.test(s)), rel(file)).toEqual([]);
  });

  it('background/ never reaches page or UI code', () => {
    for (const file of tsFiles('background')) {
      expect(reaches(file).filter((s) => /^react|^(page|components)\//.test(s)), rel(file)).toEqual([]);
    }
  });

  it('these checks follow a file’s imports through the files it imports', () => {
    // Otherwise a page file would pass with the database behind one of its own imports.
    const annotator = resolve('page/annotator.ts');
    const direct = new Set(importsOf(annotator, true).map((spec) => resolveLocal(annotator, spec)).filter(Boolean).map((f) => rel(f!)));
    expect(reaches(annotator).filter((f) => f.endsWith('.ts') && !direct.has(f)).length).toBeGreaterThan(10);
  });
});

describe('entrypoints', () => {
  const entrypoints = readdirSync(resolve('entrypoints'));

  it('each entrypoint is a folder with an index file that only wires modules together', () => {
    for (const name of entrypoints) {
      const dir = resolve('entrypoints', name);
      expect(statSync(dir).isDirectory(), name).toBe(true);
      const index = ['index.ts', 'index.tsx', 'index.html'].find((f) => existsSync(join(dir, f)));
      expect(index, `${name} has an index file`).toBeDefined();
      for (const file of filesUnder(dir)) {
        expect(readFileSync(file, 'utf8').split('\n').length, `${rel(file)} stays a thin wiring file`).toBeLessThan(80);
      }
    }
  });

  it('the script injected into every page is the screen and a watch: no schema, no matcher, no framework', () => {
    const { packages, files } = importGraph(resolve('entrypoints/story/index.ts'), true);
    expect([...packages].filter((p) => !/^wxt(\/|$)/.test(p))).toEqual([]);
    // The annotator and all it needs come from the background, only into frames where a name may be; of the
    // scheduler, the clock and the yield a large page is screened in slices with.
    // From the extension, only the request for the annotator (with the reply it starts from, and its wait for a prerendered page to show), where the settings it waits on are kept,
    // and the mark that it runs in a frame (which the popup reads too). The walk skips our own UI's hosts, told by identity, and the site's menus.
    // The mark of a page still being read, which the keyboard command's notice asks.
    const allowed = /^(page\/(page-screen|read-text|scheduler|story-watch|holds-text|laid-out-block|text-walk|menus|own-hosts|composed-order|page-lifecycle|upgrade-watch|reading-mark)|core\/matcher\/(chars|boundaries|screen-text)|extension\/(request-annotator|after-prerender|import-script|settings-key|annotator-keys|story-keys))\.ts$/;
    expect([...files].map(rel).filter((f) => !f.startsWith('entrypoints/') && !allowed.test(f))).toEqual([]);
  });

  it('the annotator loads neither React, nor Dexie, nor full Zod, nor the storage library', () => {
    const { packages } = importGraph(resolve('entrypoints/annotator.content/index.ts'));
    const heavy = [...packages].filter((p) => /^(react|react-dom|dexie|@floating-ui|#i18n|@wxt-dev\/i18n)|^zod$|storage$/.test(p));
    expect(heavy).toEqual([]);
  });

  it('the annotator decodes the story but never compiles it, and bundles no schema it does not use', () => {
    const { files } = importGraph(resolve('entrypoints/annotator.content/index.ts'), true);
    // Compiling is the background's job; every schema a module defines is bundled with any import from it.
    const compileSide = /core\/matcher\/(compile|compile-story|patterns|variants|common-words|build-automaton|screen)\.ts$/;
    const otherSchemas = /core\/(story\/(schema|slug)|messages\/(protocol|page-peer|page-commands))\.ts$/;
    // What only pages with mentions need comes with the card script; the overlay only without the Highlight API.
    const injectedLater = /page\/(interaction|hover-card|page-commands|reveal|mention-lookup|hit-test|mention-index|overlay-painter)\.ts$/;
    expect([...files].map(rel).filter((f) => compileSide.test(f) || otherSchemas.test(f) || injectedLater.test(f))).toEqual([]);
  });
});
