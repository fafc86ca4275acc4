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
}

export function summarize(samples: readonly number[]): Timing {
  return {
    runs: samples.length,
    medianMs: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    minMs: Math.min(...samples),
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

/** Times `fn` `runs` times after `warmup` untimed calls; returns the samples in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup: number): Promise<number[]> {
  const call = async () => {
    const r = fn();
    // Only asynchronous subjects (the peer) pay for an await.
    if (r instanceof Promise) await r;
  };
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = fn();
    if (r instanceof Promise) await r;
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Fixed-width text table for the terminal. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
