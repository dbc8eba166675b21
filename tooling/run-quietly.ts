import { execFileSync } from 'node:child_process';

/**
 * Runs a command whose own output matters only when it fails: WXT's build spinner writes
 * "- Preparing..." and cursor codes that would sit in the middle of `npm start`'s report.
 */
export function runQuietly(command: string, args: readonly string[]): void {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer | null; stderr?: Buffer | null };
    process.stderr.write(`${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    throw new Error(`${command} ${args.join(' ')} failed (its output is above)`, { cause: error });
  }
}
