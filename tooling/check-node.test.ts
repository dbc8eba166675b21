import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript, run by .ci/run before any package is installed.
import { accepts } from './check-node.mjs';

const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;

describe('the Node check .ci/run makes before npm ci', () => {
  it('accepts the Node versions package.json’s engines names, and this one', () => {
    for (const version of ['20.19.0', '20.20.2', '22.13.0', '22.20.1', '24.0.0', '25.1.0', process.versions.node]) {
      expect(accepts(engines, version), version).toBe(true);
    }
  });
  it('refuses Debian bookworm’s Node 18 and versions below a caret’s minor', () => {
    for (const version of ['18.19.0', '20.18.3', '21.7.0', '22.12.0', '23.11.0']) expect(accepts(engines, version), version).toBe(false);
  });
  it('says which range form it cannot read rather than guessing', () => {
    expect(() => accepts('~20.19.0', '20.19.1')).toThrow(/carets and >= only/);
  });
});
