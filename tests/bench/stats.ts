/** Small timing helpers for the benchmark: nearest-rank percentiles over repeated runs. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  cpuMedianMs: number;
  cpuP95Ms: number;
}

export function summarize(s: Samples): Timing {
  return {
    runs: s.wall.length,
    medianMs: percentile(s.wall, 50),
    p95Ms: percentile(s.wall, 95),
    minMs: Math.min(...s.wall),
    cpuMedianMs: percentile(s.cpu, 50),
    cpuP95Ms: percentile(s.cpu, 95),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
export const canGc = typeof gc === 'function';

/** Heap in use after a full collection (needs `node --expose-gc`; otherwise without the collection). */
export function settledHeap(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

export interface Samples {
  /** Wall-clock ms per run. */
  wall: number[];
  /** CPU ms per run (user + system, this process): what the run cost when other work shares the cores. */
  cpu: number[];
}

/** Times `fn` `runs` times after `warmup` untimed calls. */
export async function timeRuns(fn: () => unknown, runs: number, warmup: number): Promise<Samples> {
  for (let i = 0; i < warmup; i++) {
    const r = fn();
    if (r instanceof Promise) await r;
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = fn();
    // Only asynchronous subjects (the peer) pay for an await.
    if (r instanceof Promise) await r;
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** Fixed-width text table for the terminal. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
