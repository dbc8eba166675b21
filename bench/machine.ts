import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem, type as osType } from 'node:os';
import type { Machine } from './types';

function distribution(): string | undefined {
  if (!existsSync('/etc/os-release')) return undefined;
  return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
}

/** What the figures were measured on: they mean little without it. */
export function describeMachine(chromiumVersion: string): Machine {
  const distro = distribution();
  return {
    os: `${distro ? `${distro}, ` : ''}${osType()} ${release()}`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    chromium: chromiumVersion,
    node: process.version,
  };
}
