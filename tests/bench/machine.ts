import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** What the figures were measured on, for the README and the JSON results. */
export function describeMachine() {
  const lscpu = (() => {
    try {
      return execSync('lscpu', { encoding: 'utf8' });
    } catch {
      return '';
    }
  })();
  const field = (name: string) => lscpu.match(new RegExp(`^${name}:\\s*(.+)$`, 'm'))?.[1]?.trim();
  return {
    cpu: field('Model name') ?? cpus()[0]?.model ?? 'unknown',
    nproc: cpus().length,
    threadsPerCore: Number(field('Thread\\(s\\) per core') ?? 1),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
