import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import { benchOrders, BENCH_NOW } from './engine-bench';
import { createPeer, peerExpressible } from './peer';

/**
 * The benchmark compares speed only if both engines decide the same: on the benchmark's order mix,
 * every breached/critical clock of the compared rules must be the same for 守约 and for the
 * json-rules-engine peer. (A disagreement is a bug in one of them: this found one in the engine.)
 */
describe('json-rules-engine peer', () => {
  it('gives the same breached/critical decisions as the engine on 600 generated orders', async () => {
    const rules = CATALOG.filter((r) => ['ship', 'pickup', 'hub', 'after-sales'].includes(r.clock) && peerExpressible(r));
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['douyin.ship', 'douyin.pickup', 'douyin.hub', 'douyin.after-sales', '1688.ship']));
    const orders = benchOrders(600);
    const ours = evaluate(orders, rules, BENCH_NOW, DEFAULT_ENGINE_SETTINGS)
      .filter((v) => v.state === 'breached' || v.state === 'critical')
      .map((v) => `${v.orderId} ${v.ruleId} ${v.state}`)
      .sort();
    const theirs = (await createPeer(rules, DEFAULT_ENGINE_SETTINGS)(orders, BENCH_NOW)).map((d) => `${d.orderId} ${d.ruleId} ${d.state}`).sort();
    expect(ours.length).toBeGreaterThan(50);
    expect(theirs).toEqual(ours);
  }, 60_000);
});
