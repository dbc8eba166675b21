import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written beside the manifest in each build: what the stores and the licenses of the bundled packages ask for. */
export const NOTICES_FILE = 'THIRD_PARTY_NOTICES.txt';

const NODE_MODULES = '/node_modules/';
const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;
const RULE = '='.repeat(80);

interface PackageManifest {
  version?: string;
  license?: unknown;
  author?: string | { name?: string };
  repository?: string | { url?: string };
}

/** The MIT license's terms, as the Open Source Initiative gives them. */
const MIT_TERMS = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/**
 * For a package that ships no license file (WXT's own packages publish without one): the MIT terms with its author,
 * as the license asks of every copy; else what its package.json says, and where its source is.
 */
function licenseText(license: string, manifest: PackageManifest): string {
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  const source = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const where = source ? ` Its source: ${source.replace(/^git\+/, '')}.` : '';
  if (license === 'MIT') return `MIT License\n\nCopyright (c) ${author ?? 'its authors'}\n\n${MIT_TERMS}\n\n(The package ships no license file; its package.json names the MIT license.${where})`;
  return `The package ships no license file; its package.json names ${license}.${where}`;
}

/** The npm package a bundled module comes from, and its folder: the one after the path's last node_modules. */
export function packageOf(moduleId: string): { name: string; dir: string } | undefined {
  // Rollup's ids of a package's modules: a virtual module's \0 prefix, a query (?commonjs-exports), Windows' separators.
  const path = moduleId.replace(/^\0/, '').split('?')[0]!.replaceAll('\\', '/');
  const at = path.lastIndexOf(NODE_MODULES);
  if (at < 0) return undefined;
  const [first, second] = path.slice(at + NODE_MODULES.length).split('/');
  if (!first || (first.startsWith('@') && !second)) return undefined;
  const name = first.startsWith('@') ? `${first}/${second}` : first;
  return { name, dir: path.slice(0, at + NODE_MODULES.length) + name };
}

/**
 * The notices of every package whose modules went into the build, by name: its version, its license as its
 * package.json names it, and the license's text as the package ships it (the MIT and Apache licenses ask for their
 * text to go with every copy, and a build is one).
 */
export function thirdPartyNotices(moduleIds: Iterable<string>): string {
  const packages = new Map<string, string>();
  for (const id of moduleIds) {
    const found = packageOf(id);
    if (found) packages.set(found.name, found.dir);
  }
  const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
    const license = typeof manifest.license === 'string' ? manifest.license : 'no license named in its package.json';
    const file = readdirSync(dir).find((entry) => LICENSE_FILE.test(entry));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : licenseText(license, manifest);
    return `${RULE}\n${name} ${manifest.version ?? ''} (${license})\n${RULE}\n\n${text}\n`;
  });
  return [
    'Backstory bundles the following packages into its scripts. Each is listed with its version and license, then the',
    "license's text as the package ships it.",
    '',
    ...sections,
  ].join('\n');
}
