import { afterEach, describe, expect, it, vi } from 'vitest';
import { runQuietly } from './run-quietly';

describe('runQuietly', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows nothing of a command that succeeds', () => {
    const written = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    runQuietly(process.execPath, ['-e', 'process.stdout.write("- Preparing...\\u001b[1G"); console.error("progress")']);
    expect(written).not.toHaveBeenCalled();
  });

  it('shows all a failing command wrote, and fails', () => {
    const written = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(() =>
      runQuietly(process.execPath, ['-e', 'console.log("building"); console.error("ERROR x is not defined"); process.exit(3)']),
    ).toThrow(/failed \(its output is above\)/);
    expect(written.mock.calls.map(([text]) => String(text)).join('')).toMatch(/building\n[\s\S]*ERROR x is not defined/);
  });
});
