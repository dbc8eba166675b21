// Run by .ci/run before `npm ci`, so plain JavaScript that needs no package: whether this Node is one that
// package.json's engines accepts ("^20.19.0 || ^22.13.0 || >=24"; carets and >= are the forms it uses).
import { readFileSync, realpathSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const wanted = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const parts = (version) => version.split('.').map((part) => Number.parseInt(part, 10) || 0);
const atLeast = (have, want) => {
  for (let i = 0; i < 3; i++) if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
  return true;
};

export function accepts(range, version) {
  const have = parts(version);
  return range.split('||').some((alternative) => {
    const term = alternative.trim();
    if (term.startsWith('^')) return have[0] === parts(term.slice(1))[0] && atLeast(have, parts(term.slice(1)));
    if (term.startsWith('>=')) return atLeast(have, parts(term.slice(2)));
    throw new Error(`tooling/check-node.mjs reads carets and >= only, not "${term}" in package.json's engines.`);
  });
}

// Run, not imported by its test; the script's own address has its links resolved, argv's not.
if (realpathSync(process.argv[1]) === fileURLToPath(import.meta.url) && !accepts(wanted, process.versions.node)) {
  process.stderr.write(`Node ${process.versions.node} is not one the project runs on: package.json's engines asks for ${wanted}.\n`);
  process.exit(1);
}
