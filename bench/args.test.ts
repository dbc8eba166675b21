import { describe, expect, it } from 'vitest';
import { parseBenchArgs, UsageError } from './args';

describe('parseBenchArgs', () => {
  it('defaults to a full run of 3 repetitions', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, check: false, writeReadme: false, build: false, repetitions: 3, pages: [] });
  });

  it('makes --quick a single repetition unless told otherwise', () => {
    expect(parseBenchArgs(['--quick']).repetitions).toBe(1);
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
  });

  it('refuses to judge budgets on fewer than 3 repetitions', () => {
    expect(() => parseBenchArgs(['--quick', '--check'])).toThrow(/--check needs 3 repetitions or more/);
    expect(() => parseBenchArgs(['--check', '--reps', '2'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--check', '--reps', '1'])).toThrow(UsageError);
    expect(parseBenchArgs(['--check']).repetitions).toBe(3);
    expect(parseBenchArgs(['--quick', '--check', '--reps', '3'])).toMatchObject({ quick: true, check: true, repetitions: 3 });
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option --fast/);
  });
});
