import { describe, expect, it } from 'vitest';
import { parseBenchArgs, UsageError } from './args';

describe('parseBenchArgs', () => {
  it('defaults to a full run of 3 repetitions', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, check: false, writeReadme: false, build: false, repetitions: 3, pages: [] });
  });

  it('makes --quick a single repetition unless told otherwise', () => {
    expect(parseBenchArgs(['--quick', '--check']).repetitions).toBe(1);
    expect(parseBenchArgs(['--quick', '--reps', '2']).repetitions).toBe(2);
  });

  it('takes pages and repetitions', () => {
    expect(parseBenchArgs(['--page', 'demo', '--page', 'cnn', '--reps', '5'])).toMatchObject({ pages: ['demo', 'cnn'], repetitions: 5 });
  });

  it('refuses what would make a misleading README or nonsense', () => {
    expect(() => parseBenchArgs(['--quick', '--write-readme'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--reps', '1', '--write-readme'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--reps', '0'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--page'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option --fast/);
  });
});
