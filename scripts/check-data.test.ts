import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const landedDir = path.join(root, 'data/summit');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function checkData(...args: string[]) {
  const run = spawnSync(tsx, ['scripts/check-data.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const temps: string[] = [];

/** A scratch copy of the landed pack that a test may break. */
function copyPack(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'backstory-pack-'));
  temps.push(dir);
  cpSync(landedDir, dir, { recursive: true });
  return dir;
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('scripts/check-data.ts', { timeout: 30_000 }, () => {
  it('passes the landed pack with a one-line summary', () => {
    const run = checkData();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^data\/summit: \d+ entities \(.*person.*\), \d+ facts \(.*statement.*\), .*whole sentences of article\.txt, one each, verbatim\n$/);
  });

  it('fails on a copy with one altered quote and names its file and JSON path', () => {
    const dir = copyPack();
    const factsFile = path.join(dir, 'facts.json');
    const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as { id: string; citation: { quote: string } }[];
    const i = facts.findIndex((f) => f.id === 'kirby-concern-moscow-pyongyang');
    const fact = facts[i];
    if (!fact) throw new Error('fixture lost its fact');
    fact.citation.quote = fact.citation.quote.replace('concern', 'alarm');
    writeFileSync(factsFile, JSON.stringify(facts, null, 2));

    const run = checkData(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${path.join(dir, 'facts.json')} $[${i}].citation.quote: quote is not verbatim in paragraph 7`);
  });

  it('reports a missing or unparseable file as a problem line, not a stack trace', () => {
    const dir = copyPack();
    unlinkSync(path.join(dir, 'entities.json'));
    writeFileSync(path.join(dir, 'facts.json'), '[{"id": ');

    const run = checkData(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'entities.json')} $: cannot read the file (file not found)`);
    expect(run.stderr).toContain(`${path.join(dir, 'facts.json')} $: not valid JSON`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
