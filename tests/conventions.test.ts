/**
 * The layout is part of the design: these tests keep each layer to the code that
 * can run where it runs, the entrypoints to wiring, and the script injected into
 * every page small. Each check is also run on a file changed in memory to break
 * it, to show it fails: a check that cannot fail keeps nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const rel = (file: string) => relative(ROOT, file);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

const tsFiles = (dir: string) => filesUnder(resolve(dir)).filter((f) => !/\.test\.tsx?$/.test(f));

/** Texts read in place of files on disk, by absolute path: a check is shown to fail on a file broken in memory, not in the project. */
type Overlay = ReadonlyMap<string, string>;
const NO_OVERLAY: Overlay = new Map();
const sourceOf = (file: string, overlay: Overlay) => overlay.get(file) ?? readFileSync(file, 'utf8');
const isFile = (path: string, overlay: Overlay) => overlay.has(path) || (existsSync(path) && statSync(path).isFile());
/** The project's `file` with `lines` after what it holds. */
const withLines = (file: string, ...lines: string[]): Overlay => new Map([[resolve(file), `${readFileSync(resolve(file), 'utf8')}\n${lines.join('\n')}\n`]]);

const parse = (file: string, source: string) =>
  ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

const importCache = new Map<string, string[]>();

/** Module specifiers `file` imports or re-exports, at once or on first need; `values` leaves out type-only imports, which compile away. */
function importsOf(file: string, values = false, overlay = NO_OVERLAY): string[] {
  const key = `${values}:${file}`;
  const cached = overlay.has(file) ? undefined : importCache.get(key);
  if (cached) return cached;
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      if (!(values && typeOnly)) specs.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      // A module loaded on first need is bundled, and run, in the layer that loads it. One named at run time
      // (a built script, by its address) is no module of the sources.
      const [spec] = node.arguments;
      if (spec && ts.isStringLiteralLike(spec)) specs.push(spec.text);
    } else if (!values && ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specs.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file, sourceOf(file, overlay)));
  if (!overlay.has(file)) importCache.set(key, specs);
  return specs;
}

/** WXT's aliases of the project's root (.wxt/tsconfig.json). `#i18n`, `#imports` and the like are WXT's virtual modules: packages here. */
const ROOT_ALIAS = /^(?:@@|~~|@|~)(?=\/|$)/;

/** Where `spec` points in the project, if it names a file of it rather than a package. */
function localPath(from: string, spec: string): string | undefined {
  const path = spec.replace(/\?.*$/, '');
  if (/^\.\.?(\/|$)/.test(path)) return resolve(dirname(from), path);
  const alias = ROOT_ALIAS.exec(path);
  return alias ? join(ROOT, path.slice(alias[0].length)) : undefined;
}

/** As TypeScript's bundler resolution and Vite read them: a script's name as compiled stands for its TypeScript source. */
function sourcesNamed(path: string): string[] {
  const stem = path.replace(/\.[cm]?jsx?$/, '');
  if (path.endsWith('.js')) return [`${stem}.ts`, `${stem}.tsx`];
  if (path.endsWith('.jsx')) return [`${stem}.tsx`];
  if (path.endsWith('.mjs')) return [`${stem}.mts`];
  if (path.endsWith('.cjs')) return [`${stem}.cts`];
  return [];
}

function resolveLocal(from: string, spec: string, overlay = NO_OVERLAY): string | undefined {
  const base = localPath(from, spec);
  if (base === undefined) return undefined;
  for (const candidate of [...sourcesNamed(base), base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (isFile(candidate, overlay)) return candidate;
  }
  return undefined;
}

/** Every package and local file reachable from `entry` through its imports (`values`: those that reach the bundle). */
function importGraph(entry: string, values = false, overlay = NO_OVERLAY): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.[cm]?tsx?$/.test(file)) continue;
    for (const spec of importsOf(file, values, overlay)) {
      if (localPath(file, spec) === undefined) {
        packages.add(spec);
        continue;
      }
      const local = resolveLocal(file, spec, overlay);
      // Passed over, it would hide from every check all that its file brings in.
      if (!local) throw new Error(`${rel(file)} imports '${spec}', which is no file of the project: the checks cannot follow it`);
      queue.push(local);
    }
  }
  return { files, packages };
}

/** What `file` brings into its bundle, through every file it imports: the packages, and the project's other files by path. */
function reach(file: string, overlay = NO_OVERLAY): { packages: string[]; files: string[] } {
  const { files, packages } = importGraph(file, true, overlay);
  return { packages: [...packages], files: [...files].filter((f) => f !== file).map(rel) };
}

function reaches(file: string, overlay = NO_OVERLAY): string[] {
  const { packages, files } = reach(file, overlay);
  return [...packages, ...files];
}

/** The only packages core/ uses: any other (wxt, #imports, #i18n, @wxt-dev/storage, node:fs…) belongs to a host. */
const CORE_PACKAGES = new Set(['zod/mini']);

/** What each other layer's files must not bring into their bundle: packages by name, the project's files by path. */
const LAYER_BANS = {
  page: /^(dexie|react)|^(background|components|entrypoints)\/|^core\/messages\/protocol\.ts$|^extension\/send-message\.ts$/,
  background: /^react|^(page|components|entrypoints)\//,
  // The UI asks the background through messages, never its database.
  components: /^dexie|^(background|entrypoints)\//,
  // Helpers any extension context may use: the page's scripts and the worker too, which hold no React.
  extension: /^react|^(background|components|entrypoints)\//,
};
type Layer = keyof typeof LAYER_BANS | 'core';

/** What `file` of `layer` brings in that its layer must not. */
function outOfLayer(layer: Layer, file: string, overlay = NO_OVERLAY): string[] {
  if (layer !== 'core') return reaches(file, overlay).filter((s) => LAYER_BANS[layer].test(s));
  const { packages, files } = reach(file, overlay);
  return [...packages.filter((p) => !CORE_PACKAGES.has(p)), ...files.filter((f) => !f.startsWith('core/'))];
}

// What only a browser, or only Node, has, as globals (not a property of that name): core/ runs in the page, the worker,
// the popup and the build alike. The typecheck below finds any use of the DOM's or Node's types and globals; this also
// finds one a cast hides from it (`(globalThis as …).chrome`), and names the API where the typecheck says only `any`.
// Read from the syntax tree: a string or a comment that holds such a word ("self-defence") is no use of it.
const HOST_GLOBALS = new Set([
  ...['browser', 'chrome', 'globalThis', 'self', 'document', 'window', 'navigator', 'location', 'localStorage', 'sessionStorage'],
  ...['indexedDB', 'process', 'fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'getComputedStyle', 'requestIdleCallback'],
  ...['requestAnimationFrame', 'getSelection', 'MutationObserver', 'IntersectionObserver', 'ResizeObserver', 'Highlight', 'NodeFilter'],
  ...['DOMParser', 'customElements', 'CSS'],
]);

/** The host's globals `source` refers to: identifiers of HOST_GLOBALS that stand for themselves, not as a property's or a member's name. */
function hostGlobalsIn(source: string): string[] {
  const file = ts.createSourceFile('core.ts', source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const named = (node: ts.Identifier) => {
    const { parent } = node;
    if ((ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) && parent.getChildAt(parent.getChildCount() - 1) === node) return true;
    return (
      (ts.isPropertyAssignment(parent) ||
        ts.isPropertySignature(parent) ||
        ts.isPropertyDeclaration(parent) ||
        ts.isMethodDeclaration(parent) ||
        ts.isMethodSignature(parent) ||
        ts.isGetAccessorDeclaration(parent) ||
        ts.isSetAccessorDeclaration(parent) ||
        ts.isEnumMember(parent)) &&
      parent.name === node
    ) || (ts.isBindingElement(parent) && parent.propertyName === node);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && HOST_GLOBALS.has(node.text) && !named(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const CORE_TSCONFIG = resolve('tsconfig.core.json');
/** What every host of core/ has beyond ES2023, compiled with it (tsconfig.core.json) and by nothing else. */
const HOST_GLOBALS_FILE = resolve('tooling/core-host-globals.d.ts');

function described(diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return text;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${rel(diagnostic.file.fileName)}(${line + 1},${character + 1}): ${text}`;
}

let coreProgram: ts.Program | undefined;

/** core/'s errors as tsconfig.core.json compiles it, with no host's library: a use of the DOM or of Node is one. With `overlay`, those of its files. */
function typecheckCore(overlay = NO_OVERLAY): string[] {
  const { config, error } = ts.readConfigFile(CORE_TSCONFIG, ts.sys.readFile);
  if (error) return [described(error)];
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, CORE_TSCONFIG);
  const texts = new Map(overlay);
  const host = ts.createCompilerHost(parsed.options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => texts.has(resolve(name)) || fileExists.call(host, name);
  host.readFile = (name) => texts.get(resolve(name)) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, onError, shouldCreate) => {
    const text = texts.get(resolve(name));
    return text === undefined ? getSourceFile.call(host, name, language, onError, shouldCreate) : ts.createSourceFile(name, text, language);
  };
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
    configFileParsingDiagnostics: parsed.errors,
    // The library's files parsed once, for the unchanged core/ and the one broken in memory.
    oldProgram: coreProgram,
  });
  if (overlay === NO_OVERLAY) {
    coreProgram = program;
    // A types package brought in by some option or reference could declare what no host of core/ has, or stand-ins of
    // the DOM's types (as React's do): only the language's library, the packages core/ uses and core/ itself compile.
    const compiled = /^core\/|(^|\/)node_modules\/(typescript\/lib\/lib\.(es\d+|es\d+\.[\w.]+|decorators|decorators\.legacy)\.d\.ts|zod\/)/;
    const others = program
      .getSourceFiles()
      .map((file) => rel(file.fileName))
      .filter((file) => !compiled.test(file) && file !== rel(HOST_GLOBALS_FILE));
    return [...others.map((file) => `${file} is compiled with core/`), ...ts.getPreEmitDiagnostics(program).map(described)];
  }
  // Only the files broken in memory: the others are the unchanged core/'s, checked on their own.
  const broken = [...overlay.keys()].map((file) => program.getSourceFile(file));
  return broken.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]).map(described);
}

describe('imports', () => {
  it('a relative name, a name ending in .js and WXT’s root aliases all lead to the project’s file; WXT’s virtual modules are packages', () => {
    const from = resolve('page/hover-card.ts');
    const db = resolve('background/db.ts');
    for (const spec of ['../background/db', '../background/db.js', '@/background/db', '~/background/db', '@@/background/db', '~~/background/db.js']) {
      expect(resolveLocal(from, spec), spec).toBe(db);
    }
    expect(resolveLocal(from, '../components/CardApp.jsx')).toBe(resolve('components/CardApp.tsx'));
    const { packages } = importGraph(from, true, withLines('page/hover-card.ts', "import { storage } from '#imports';", "import { i18n } from '#i18n';"));
    expect([...packages]).toEqual(expect.arrayContaining(['#imports', '#i18n']));
  });

  it('an import the checks cannot follow fails them, naming the file and the import', () => {
    for (const spec of ['./no-such-module', '../background/no-such-module.js', '@/background/no-such-module', '~~/no-such-folder/db']) {
      const broken = withLines('page/hover-card.ts', `import { StoryDatabase } from '${spec}';`);
      expect(() => importGraph(resolve('page/hover-card.ts'), true, broken), spec).toThrow(`page/hover-card.ts imports '${spec}'`);
    }
    // Loaded on first need, too.
    const dynamic = withLines('page/hover-card.ts', "void import('./no-such-module');");
    expect(() => reaches(resolve('page/hover-card.ts'), dynamic)).toThrow("page/hover-card.ts imports './no-such-module'");
  });
});

describe('layers', () => {
  it('core/ is pure: only its own packages, no other layer, no host’s API', () => {
    for (const file of tsFiles('core')) {
      expect(outOfLayer('core', file), rel(file)).toEqual([]);
      expect(hostGlobalsIn(readFileSync(file, 'utf8')), rel(file)).toEqual([]);
    }
  });

  it('core/ compiles with no DOM, no Node and no extension API', () => {
    expect(typecheckCore()).toEqual([]);
  }, 60_000);

  it('the checks of core/ catch a host’s package, another layer, and the page’s, Node’s or the extension’s globals', () => {
    const file = resolve('core/site.ts');
    for (const [line, found] of [
      ["import { storage } from '#imports';", '#imports'],
      ["import { i18n } from '#i18n';", '#i18n'],
      ["import { storage } from '@wxt-dev/storage';", '@wxt-dev/storage'],
      ["import { readFileSync } from 'node:fs';", 'node:fs'],
      ["import { z } from 'zod';", 'zod'],
      ["import { SETTINGS_KEY } from '@/extension/settings-key';", 'extension/settings-key.ts'],
      ["import { CARD_HOST } from '../page/card-bridge.js';", 'page/card-bridge.ts'],
    ]) {
      expect(outOfLayer('core', file, withLines('core/site.ts', line!)), line).toContain(found);
    }
    for (const [line, found] of [
      ['globalThis.chrome?.runtime;', ['globalThis']],
      ["(globalThis as { browser?: unknown }).browser;", ['globalThis']],
      ['chrome.runtime.id;', ['chrome']],
      ['new MutationObserver(() => {});', ['MutationObserver']],
      ['export const here = () => `${location.href}`;', ['location']],
      ['const { indexedDB: db } = self;', ['self']],
    ] as const) {
      expect(hostGlobalsIn(`${readFileSync(file, 'utf8')}\n${line}`), line).toEqual(found);
    }
    // Words in strings and comments, and properties of those names, are none.
    for (const line of [
      "export const claim = 'a right of self-defence, said the document';",
      '// chrome.runtime.id, as the page would read it',
      'export const place = (at: { location: string; window: number }) => at.location + at.window;',
      'export const parts = { document: 1, process() {} };',
    ]) {
      expect(hostGlobalsIn(`${readFileSync(file, 'utf8')}\n${line}`), line).toEqual([]);
    }
    // Each in a file of its own, so that each is shown to be found.
    const broken = new Map([
      ...withLines('core/site.ts', 'export const title = globalThis.document.title;'),
      ...withLines('core/settings.ts', 'export const style = (e: Element) => getComputedStyle(e);'),
      ...withLines('core/once.ts', 'export const later = (run: () => void) => requestIdleCallback(run);'),
      ...withLines('core/page-address.ts', 'export const walk = (root: Node) => root.ownerDocument?.createTreeWalker(root, NodeFilter.SHOW_TEXT);'),
      ...withLines('core/commands.ts', 'export const painted = new Highlight();'),
      ...withLines('core/story/slug.ts', 'export const env = process.env.HOME;'),
      ...withLines('core/matcher/chars.ts', 'export const id = chrome.runtime.id;'),
      ...withLines('core/story/words.ts', 'export const tagOf = (element: Element) => element;'),
    ]);
    const errors = typecheckCore(broken);
    for (const file of broken.keys()) expect(errors.some((error) => error.startsWith(`${rel(file)}(`)), `${rel(file)} in ${errors.join('\n')}`).toBe(true);
  }, 60_000);

  it('page/ never reaches the database or the React UI, and bundles only the page’s own messages', () => {
    for (const file of tsFiles('page')) expect(outOfLayer('page', file), rel(file)).toEqual([]);
  });

  it('background/ never reaches page or UI code', () => {
    for (const file of tsFiles('background')) expect(outOfLayer('background', file), rel(file)).toEqual([]);
  });

  it('components/ never reaches the background’s code or its database', () => {
    for (const file of tsFiles('components')) expect(outOfLayer('components', file), rel(file)).toEqual([]);
  });

  it('extension/ never reaches the background’s code, the UI or React', () => {
    for (const file of tsFiles('extension')) expect(outOfLayer('extension', file), rel(file)).toEqual([]);
  });

  it('each layer’s rule catches what it bans, named directly, by a WXT alias, by a .js name or loaded on first need', () => {
    const cases: [Layer, string, string, string][] = [
      ['page', 'page/hover-card.ts', "import { StoryDatabase } from '@/background/db';", 'background/db.ts'],
      ['page', 'page/hover-card.ts', "import { StoryDatabase } from '../background/db.js';", 'background/db.ts'],
      ['page', 'page/hover-card.ts', "import { CardApp } from '~/components/CardApp';", 'components/CardApp.tsx'],
      ['page', 'page/hover-card.ts', "import { sendMessage } from '../extension/send-message';", 'extension/send-message.ts'],
      ['page', 'page/hover-card.ts', "import Dexie from 'dexie';", 'dexie'],
      ['background', 'background/badge.ts', "import { startAnnotator } from '@@/page/annotator';", 'page/annotator.ts'],
      ['background', 'background/badge.ts', "import { createElement } from 'react';", 'react'],
      ['components', 'components/FoundSection.tsx', "import { StoryDatabase } from '../background/db';", 'background/db.ts'],
      ['components', 'components/FoundSection.tsx', "const db = () => import('~~/background/db.js');", 'background/db.ts'],
      ['components', 'components/FoundSection.tsx', "import Dexie from 'dexie';", 'dexie'],
      ['extension', 'extension/close-cards.ts', "import { StoryDatabase } from '../background/db';", 'background/db.ts'],
      ['extension', 'extension/close-cards.ts', "import { CardApp } from '@/components/CardApp.jsx';", 'components/CardApp.tsx'],
      ['extension', 'extension/close-cards.ts', "import { useState } from 'react';", 'react'],
      ['extension', 'extension/close-cards.ts', "export { createRoot } from 'react-dom/client';", 'react-dom/client'],
    ];
    for (const [layer, file, line, found] of cases) {
      expect(outOfLayer(layer, resolve(file), withLines(file, line)), `${file} + ${line}`).toContain(found);
    }
  });

  it('these checks follow a file’s imports through the files it imports', () => {
    // Otherwise a page file would pass with the database behind one of its own imports.
    const annotator = resolve('page/annotator.ts');
    const direct = new Set(importsOf(annotator, true).map((spec) => resolveLocal(annotator, spec)).filter(Boolean).map((f) => rel(f!)));
    expect(reaches(annotator).filter((f) => f.endsWith('.ts') && !direct.has(f)).length).toBeGreaterThan(10);
    // And a file two imports away from the one that brings the database is caught.
    const through = new Map([
      ...withLines('page/own-hosts.ts', "import '../background/db';"),
      ...withLines('page/hover-card.ts', "import './own-hosts';"),
    ]);
    expect(outOfLayer('page', resolve('page/hover-card.ts'), through)).toContain('background/db.ts');
  });
});

/** Plain configuration: a literal, or an array or object of them (`as const` too); nothing computed, nothing that runs. */
function isPlainConfiguration(node: ts.Expression): boolean {
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) return isPlainConfiguration(node.expression);
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand);
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(isPlainConfiguration);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((p) => ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && isPlainConfiguration(p.initializer));
  }
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isNumericLiteral(node) ||
    ts.isRegularExpressionLiteral(node) ||
    [ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(node.kind)
  );
}

/** Whether `node` holds code of its own: a function or a class, written in place. */
const holdsCode = (node: ts.Node): boolean => ts.isFunctionLike(node) || ts.isClassLike(node) || !!ts.forEachChild(node, (child) => holdsCode(child) || undefined);

/**
 * Whether a top-level statement of an entrypoint's file only wires: an import, a constant of plain configuration, the
 * `export default define…(…)` WXT reads (whose main() wires the modules), or, in a script of an HTML entrypoint (the
 * popup's), a call of an imported function with no code of its own in its arguments (the render, the early ask).
 */
function wires(statement: ts.Statement, htmlScript: boolean): boolean {
  if (ts.isImportDeclaration(statement)) return true;
  if (ts.isVariableStatement(statement)) {
    const { flags, declarations } = statement.declarationList;
    return (flags & ts.NodeFlags.BlockScoped) === ts.NodeFlags.Const && declarations.every((d) => !!d.initializer && isPlainConfiguration(d.initializer));
  }
  if (ts.isExportAssignment(statement)) {
    const call = statement.expression;
    return !statement.isExportEquals && ts.isCallExpression(call) && ts.isIdentifier(call.expression) && /^define[A-Z]/.test(call.expression.text);
  }
  if (htmlScript && ts.isExpressionStatement(statement)) {
    const call = statement.expression;
    return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && !call.arguments.some(holdsCode);
  }
  return false;
}

/** The top-level statements of `file` that do more than wire modules together, each with its line. */
function notWiring(file: string, overlay = NO_OVERLAY): string[] {
  const source = parse(file, sourceOf(file, overlay));
  const htmlScript = existsSync(join(dirname(file), 'index.html'));
  return source.statements
    .filter((statement) => !wires(statement, htmlScript))
    .map((statement) => {
      const line = source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1;
      return `${rel(file)}:${line}: ${ts.SyntaxKind[statement.kind]} ${statement.getText(source).split('\n')[0]!.slice(0, 60)}`;
    });
}

describe('entrypoints', () => {
  const entrypoints = readdirSync(resolve('entrypoints'));

  it('each entrypoint is a folder with an index file, WXT’s define…() or an HTML page, and thin files', () => {
    for (const name of entrypoints) {
      const dir = resolve('entrypoints', name);
      expect(statSync(dir).isDirectory(), name).toBe(true);
      const index = ['index.ts', 'index.tsx', 'index.html'].find((f) => existsSync(join(dir, f)));
      expect(index, `${name} has an index file`).toBeDefined();
      if (index !== 'index.html') {
        const statements = parse(index!, readFileSync(join(dir, index!), 'utf8')).statements;
        expect(statements.some(ts.isExportAssignment), `${name}/${index} exports its define…()`).toBe(true);
      }
      for (const file of filesUnder(dir)) {
        expect(readFileSync(file, 'utf8').split('\n').length, `${rel(file)} stays a thin wiring file`).toBeLessThan(80);
      }
    }
  });

  it('an entrypoint’s files only wire modules together: no function, class or logic of their own at the top', () => {
    const files = filesUnder(resolve('entrypoints'));
    expect(files.length).toBeGreaterThan(entrypoints.length);
    for (const file of files) expect(notWiring(file), rel(file)).toEqual([]);
  });

  it('that check catches a function, a class, a computed constant, a variable, logic or a call outside WXT’s main()', () => {
    const cases: [string, string][] = [
      ['entrypoints/story/index.ts', 'function watchPage(): void {}'],
      ['entrypoints/card/index.ts', 'class Card {}'],
      ['entrypoints/background/index.ts', 'const stories = createStoryService();'],
      ['entrypoints/background/index.ts', 'let RETRIES = 3;'],
      ['entrypoints/background/index.ts', 'const retry = () => 3;'],
      ['entrypoints/overlay/index.ts', "if (document.body) console.log('x');"],
      ['entrypoints/annotator/index.ts', 'startAnnotator();'],
      // A script of the popup's page may call, but only what it imports, with nothing written in place.
      ['entrypoints/popup/main.ts', "(() => { document.title = 'x'; })();"],
      ['entrypoints/popup/main.ts', 'renderLater(() => document.title);'],
      ['entrypoints/popup/main.ts', "document.title = 'x';"],
      ['entrypoints/popup/ask-early.ts', 'export function askAgain(): void {}'],
    ];
    for (const [file, line] of cases) expect(notWiring(resolve(file), withLines(file, line)), `${file} + ${line}`).toHaveLength(1);
    const story = resolve('entrypoints/story/index.ts');
    const notDefine = new Map([[story, readFileSync(story, 'utf8').replace('export default defineUnlistedScript(', 'export default startStory(')]]);
    expect(notWiring(story, notDefine)).toHaveLength(1);
    // Plain configuration is wiring.
    const config = withLines('entrypoints/background/index.ts', "const MATCHES = ['<all_urls>'] as const;", 'const RETRY = { times: 3, afterMs: -1, quiet: true };');
    expect(notWiring(resolve('entrypoints/background/index.ts'), config)).toEqual([]);
  });

  it('the script injected into every page is the screen and a watch: no schema, no matcher, no framework', () => {
    const { packages, files } = importGraph(resolve('entrypoints/story/index.ts'), true);
    expect([...packages].filter((p) => !/^wxt(\/|$)/.test(p))).toEqual([]);
    // The annotator and all it needs come from the background, only into frames where a name may be; of the
    // scheduler, the clock and the yield a large page is screened in slices with.
    // From the extension, only the request for the annotator (with the reply it starts from, and its wait for a prerendered page to show), where the settings it waits on are kept,
    // and the mark that it runs in a frame (which the popup reads too). The walk skips our own UI's hosts, told by identity, and the site's menus.
    // The mark of a page still being read, which the keyboard command's notice asks. Whether the extension was unloaded since.
    const allowed = /^(page\/(watch-page|page-screen|read-text|scheduler|story-watch|holds-text|laid-out-block|text-walk|menus|own-hosts|composed-order|page-lifecycle|upgrade-watch|reading-mark)|core\/matcher\/(chars|boundaries|screen-text)|extension\/(request-annotator|after-prerender|import-script|settings-key|annotator-keys|story-keys|extension-unloaded))\.ts$/;
    expect([...files].map(rel).filter((f) => !f.startsWith('entrypoints/') && !allowed.test(f))).toEqual([]);
  });

  it('the annotator loads neither React, nor Dexie, nor full Zod, nor the storage library', () => {
    const { packages } = importGraph(resolve('entrypoints/annotator/index.ts'));
    const heavy = [...packages].filter((p) => /^(react|react-dom|dexie|@floating-ui|#i18n|@wxt-dev\/i18n)|^zod$|storage$/.test(p));
    expect(heavy).toEqual([]);
  });

  it('the annotator decodes the story but never compiles it, and bundles no schema it does not use', () => {
    const { files } = importGraph(resolve('entrypoints/annotator/index.ts'), true);
    // Compiling is the background's job; every schema a module defines is bundled with any import from it.
    const compileSide = /core\/matcher\/(compile|compile-story|patterns|variants|common-words|build-automaton|screen)\.ts$/;
    const otherSchemas = /core\/(story\/(schema|slug)|messages\/(protocol|page-peer|page-commands))\.ts$/;
    // What only pages with mentions need comes with the card script; the overlay only without the Highlight API.
    const injectedLater = /page\/(interaction|hover-card|page-commands|reveal|mention-lookup|hit-test|mention-index|overlay-painter)\.ts$/;
    expect([...files].map(rel).filter((f) => compileSide.test(f) || otherSchemas.test(f) || injectedLater.test(f))).toEqual([]);
  });
});
