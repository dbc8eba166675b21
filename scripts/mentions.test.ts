import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const PAGE = 'tests/fixtures/mentions-page.html';
const ENTITIES = 'tests/fixtures/summit-entities.json';
const scratch = mkdtempSync(join(tmpdir(), 'mentions-test-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/mentions.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = result.stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, string>);
  return { status: result.status, stderr: result.stderr, lines };
}

describe('mentions CLI', () => {
  it('prints one JSON object per mention, in page order, with name, category, text and context', () => {
    const { status, stderr, lines } = run('--entities', ENTITIES, PAGE);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(lines.map((line) => `${line.entity}:${line.text}`)).toEqual([
      'north-korea:NORTH KOREA',
      'pyongyang:PYONG\u00adYANG',
      'vladimir-putin:Vladimir Putin',
      'pyongyang:Pyong\u00adyang',
      'kim-jong-un:Kim Jong-un',
      'vladimir-putin:Putin',
      'russia:Russia',
      'north-korea:North Korea',
      'united-states:U.S.',
      'united-states:Washington',
    ]);
    expect(lines[4]).toEqual({
      file: PAGE,
      entity: 'kim-jong-un',
      name: 'Kim Jong Un',
      category: 'person',
      text: 'Kim Jong-un',
      context: 'in Pyongyang on Tuesday for talks with Kim Jong-un, the first visit in 24 years.',
    });
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['file', 'entity', 'name', 'category', 'text', 'context']);
      expect(line.context).not.toMatch(/\s\s|^\s|\s$/);
    }
  });

  it('reads no script, style, title, editable region or Backstory UI, and runs no script', () => {
    const { lines } = run('--entities', ENTITIES, PAGE);
    const entities = new Set(lines.map((line) => line.entity));
    // China is only in a script (that would add it when run) and a textarea,
    // Japan only in a contenteditable region, South Korea only in a script.
    expect(entities.has('china')).toBe(false);
    expect(entities.has('japan')).toBe(false);
    expect(entities.has('south-korea')).toBe(false);
    // The title names Vladimir Putin, the nav (Backstory UI) names Russia: neither counts.
    expect(lines[0]!.entity).toBe('north-korea');
    expect(lines.filter((line) => line.entity === 'russia')).toHaveLength(1);
  });

  it('reports an unreadable file on stderr, prints the other files, and exits non-zero', () => {
    const missing = join(scratch, 'missing.html');
    const { status, stderr, lines } = run('--entities', ENTITIES, missing, PAGE, scratch);
    expect(status).toBe(1);
    expect(lines).toHaveLength(10);
    expect(lines.every((line) => line.file === PAGE)).toBe(true);
    expect(stderr).toContain(`mentions: cannot read ${missing}`);
    expect(stderr).toContain(`mentions: cannot read ${scratch}`);
  });

  it('refuses an entities file that does not match the schema', () => {
    const invalid = join(scratch, 'invalid.json');
    writeFileSync(invalid, JSON.stringify([{ id: 'Not A Slug', name: 'X', category: 'planet', aliases: [] }]));
    const { status, stderr, lines } = run('--entities', invalid, PAGE);
    expect(status).toBe(2);
    expect(lines).toEqual([]);
    expect(stderr).toContain(`invalid entities file ${invalid}`);
    expect(stderr).toContain('category');
  });

  it('prints usage without pages', () => {
    const { status, stderr } = run('--entities', ENTITIES);
    expect(status).toBe(2);
    expect(stderr).toContain('usage: mentions');
  });
});
