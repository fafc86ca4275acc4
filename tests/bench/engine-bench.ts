import { evaluate } from '@/policies/engine';
import { CATALOG } from '@/policies/catalog';
import { OrderSchema, type Order } from '@/policies/order';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import { generateOrders } from './generate-orders';
import { comparePeer, type PeerComparison } from './peer-compare';
import { canGc, fmt, settledHeap, summarize, table, timeRuns, type Timing } from './stats';

/** A fixed instant in China time: every run sees the same clocks. */
export const BENCH_NOW = Date.parse('2025-06-18T10:00:00+08:00');

export interface EngineRow extends Timing {
  orders: number;
  rules: number;
  verdicts: number;
  /** Median CPU time divided by orders × catalog rules. */
  nsPerOrderRule: number;
  usPerOrder: number;
  /** Heap held by one run's result, after a full GC. */
  resultHeapBytes: number;
  /** Heap growth after all runs with their results dropped (≈ 0 unless something leaks). */
  leakedHeapBytes: number;
}

const RUNS: Record<number, number> = { 1000: 200, 10000: 50, 100000: 10 };

export function benchOrders(count: number): Order[] {
  return generateOrders(count, BENCH_NOW, 20240318).map((o) => OrderSchema.parse(o));
}

async function benchSize(count: number): Promise<EngineRow> {
  const orders = benchOrders(count);
  const settings = DEFAULT_ENGINE_SETTINGS;
  const run = () => evaluate(orders, CATALOG, BENCH_NOW, settings);
  const before = settledHeap();
  const samples = await timeRuns(run, RUNS[count] ?? 10, 5);
  const leaked = settledHeap() - before;
  const base = settledHeap();
  const kept = run();
  const resultHeapBytes = settledHeap() - base;
  const t = summarize(samples);
  return {
    ...t,
    orders: count,
    rules: CATALOG.length,
    verdicts: kept.length,
    nsPerOrderRule: (t.cpuMedianMs * 1e6) / (count * CATALOG.length),
    usPerOrder: (t.cpuMedianMs * 1e3) / count,
    resultHeapBytes,
    leakedHeapBytes: leaked,
  };
}

export async function benchEngine(sizes: number[], withPeer: boolean) {
  const rows: EngineRow[] = [];
  for (const size of sizes) rows.push(await benchSize(size));
  const mb = (b: number) => fmt(b / 2 ** 20, 1);
  const out: { rows: EngineRow[]; gc: boolean; peer?: PeerComparison; table: string; peerTable?: string } = {
    rows,
    gc: canGc,
    table: table(
      ['orders', 'rules', 'verdicts', 'median ms', 'p95 ms', 'min ms', 'CPU median ms', 'CPU p95 ms', 'µs/order', 'ns/order×rule', 'result MB', 'leak MB', 'runs'],
      rows.map((r) => [
        r.orders,
        r.rules,
        r.verdicts,
        fmt(r.medianMs),
        fmt(r.p95Ms),
        fmt(r.minMs),
        fmt(r.cpuMedianMs),
        fmt(r.cpuP95Ms),
        fmt(r.usPerOrder, 3),
        fmt(r.nsPerOrderRule, 1),
        mb(r.resultHeapBytes),
        mb(r.leakedHeapBytes),
        r.runs,
      ]),
    ),
  };
  out.table += '\nmedian/p95/min: wall clock; CPU: this process\'s CPU time per run, GC single-threaded (= one core\'s work, robust when other work shares the cores); µs/order and ns/order×rule from the CPU median';
  if (!canGc) out.table += '\n(run with node --expose-gc for heap figures)';
  if (withPeer) {
    out.peer = await comparePeer(BENCH_NOW, benchOrders);
    out.peerTable = out.peer.table;
  }
  return out;
}
