import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import type { Order } from '@/policies/order';
import type { Catalog } from '@/policies/rule';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import { createPeer, peerExpressible, type PeerDecision } from './peer';
import { fmt, summarize, table, timeRuns, type Timing } from './stats';

/** The clocks the issue names for the comparison: shipping, pickup, first hub, after-sales. */
const COMPARED_CLOCKS = new Set(['ship', 'pickup', 'hub', 'after-sales']);
/** Douyin's seed-002 four: the set the "≈ 55 µs per order for four rules" refers to. */
const FOUR = ['douyin.ship', 'douyin.pickup', 'douyin.hub', 'douyin.after-sales'];

interface SetResult {
  name: string;
  rules: string[];
  sizes: { orders: number; engine: Timing; peer: Timing; ratio: number; peerUsPerOrder: number }[];
  agreement: { orders: number; engineDecisions: number; peerDecisions: number; mismatches: number; examples: string[] };
}

export interface PeerComparison {
  notExpressible: string[];
  sets: SetResult[];
  table: string;
}

const key = (d: PeerDecision) => `${d.orderId} ${d.ruleId} ${d.state}`;

function engineDecisions(orders: readonly Order[], catalog: Catalog, now: number): string[] {
  return evaluate(orders, catalog, now, DEFAULT_ENGINE_SETTINGS)
    .filter((v) => v.state === 'breached' || v.state === 'critical')
    .map((v) => key({ orderId: v.orderId, ruleId: v.ruleId, state: v.state as PeerDecision['state'] }));
}

const PEER_RUNS: Record<number, number> = { 1000: 10, 10000: 3 };
const ENGINE_RUNS: Record<number, number> = { 1000: 200, 10000: 50 };

async function compareSet(name: string, rules: Catalog, now: number, ordersOf: (n: number) => Order[], sizes: number[]): Promise<SetResult> {
  const peer = createPeer(rules, DEFAULT_ENGINE_SETTINGS);
  const rows: SetResult['sizes'] = [];
  let agreement: SetResult['agreement'] | undefined;
  for (const count of sizes) {
    const orders = ordersOf(count);
    const run = () => evaluate(orders, rules, now, DEFAULT_ENGINE_SETTINGS);
    const engine = summarize(await timeRuns(run, ENGINE_RUNS[count] ?? 10, 5));
    const peerT = summarize(await timeRuns(() => peer(orders, now), PEER_RUNS[count] ?? 1, 1));
    rows.push({ orders: count, engine, peer: peerT, ratio: peerT.cpuMedianMs / engine.cpuMedianMs, peerUsPerOrder: (peerT.cpuMedianMs * 1e3) / count });
    if (!agreement) {
      const ours = engineDecisions(orders, rules, now);
      const theirs = (await peer(orders, now)).map(key);
      const a = new Set(ours);
      const b = new Set(theirs);
      const diff = [
        ...ours.filter((k) => !b.has(k)).map((k) => `engine only: ${k}`),
        ...theirs.filter((k) => !a.has(k)).map((k) => `peer only: ${k}`),
      ];
      agreement = { orders: count, engineDecisions: a.size, peerDecisions: b.size, mismatches: diff.length, examples: diff.slice(0, 6) };
    }
  }
  return { name, rules: rules.map((r) => r.id), sizes: rows, agreement: agreement! };
}

/** Same orders, same `now`, same rules: 守约's engine against json-rules-engine. */
export async function comparePeer(now: number, ordersOf: (count: number) => Order[], sizes = [1000, 10000]): Promise<PeerComparison> {
  const candidates = CATALOG.filter((r) => COMPARED_CLOCKS.has(r.clock) && r.spec.type !== 'checklist' && !r.informational);
  const expressible = candidates.filter(peerExpressible);
  const notExpressible = candidates.filter((r) => !peerExpressible(r)).map((r) => r.id);
  const sets = [
    await compareSet('four (Douyin ship, pickup, hub, after-sales)', expressible.filter((r) => FOUR.includes(r.id)), now, ordersOf, sizes),
    await compareSet(`all ${expressible.length} expressible ship/pickup/hub/after-sales rules`, expressible, now, ordersOf, sizes),
  ];
  const lines = [`not expressible in the peer: ${notExpressible.join(', ') || 'none'}`];
  for (const s of sets) {
    const ag = s.agreement;
    lines.push(
      '',
      `### ${s.name}: ${s.rules.join(', ')}`,
      `breached/critical decisions on ${ag.orders} orders: engine ${ag.engineDecisions}, peer ${ag.peerDecisions}, mismatches ${ag.mismatches}`,
      ...ag.examples.map((e) => `  ${e}`),
      table(
        ['orders', 'engine median ms', 'engine CPU ms', 'peer median ms', 'peer CPU ms', 'peer CPU µs/order', 'ratio (CPU)', 'goal ≥100×'],
        s.sizes.map((r) => [
          r.orders,
          fmt(r.engine.medianMs, 3),
          fmt(r.engine.cpuMedianMs, 3),
          fmt(r.peer.medianMs, 1),
          fmt(r.peer.cpuMedianMs, 1),
          fmt(r.peerUsPerOrder, 1),
          `${fmt(r.ratio, 0)}×`,
          r.ratio >= 100 ? 'met' : 'MISSED',
        ]),
      ),
    );
  }
  return { notExpressible, sets, table: lines.join('\n') };
}
