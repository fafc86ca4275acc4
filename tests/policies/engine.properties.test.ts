import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import { OrderSchema, type Order } from '@/policies/order';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import { STATE_URGENCY, VerdictSchema, type Verdict } from '@/policies/verdict';
import { generateOrders } from '../bench/generate-orders';
import { cst, DAY, HOUR } from './helpers';

const BASE = cst('2024-06-03 10:00');
const key = (v: Verdict) => `${v.orderId} ${v.ruleId}`;
const byKey = (vs: Verdict[]) => new Map(vs.map((v) => [key(v), v]));

/** A realistic order mix (every state occurs) from a seed. */
const ordersArb = fc
  .tuple(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 60 }))
  .map(([seed, n]) => generateOrders(n, BASE, seed).map((o) => OrderSchema.parse(o)));
/** Two instants within [BASE − 3 d, BASE + 5 d], the second not earlier. */
const nowsArb = fc
  .tuple(fc.integer({ min: -3 * DAY, max: 5 * DAY }), fc.integer({ min: 0, max: 3 * DAY }))
  .map(([a, d]) => [BASE + a, BASE + a + d] as const);

// Generous timeouts: these run hundreds of evaluations and CI machines may be busy.
describe('engine properties', { timeout: 60_000 }, () => {
  it('time left never increases as now advances', () => {
    fc.assert(
      fc.property(ordersArb, nowsArb, (orders, [t1, t2]) => {
        const later = byKey(evaluate(orders, CATALOG, t2));
        for (const v of evaluate(orders, CATALOG, t1)) {
          const w = later.get(key(v));
          expect(w).toBeDefined();
          if (v.timeLeftMs !== undefined && w!.timeLeftMs !== undefined) {
            expect(w!.timeLeftMs).toBeLessThanOrEqual(v.timeLeftMs);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a merchant clock never becomes less urgent as now advances (events fixed)', () => {
    fc.assert(
      fc.property(ordersArb, nowsArb, (orders, [t1, t2]) => {
        const later = byKey(evaluate(orders, CATALOG, t2));
        for (const v of evaluate(orders, CATALOG, t1)) {
          if (v.informational) continue; // a buyer window closing is not a merchant event
          expect(STATE_URGENCY[later.get(key(v))!.state], `${key(v)} ${v.state}`).toBeGreaterThanOrEqual(
            STATE_URGENCY[v.state],
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('only the satisfying event makes an open clock stop being urgent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 47 * 60 }), fc.integer({ min: 0, max: 96 * 60 }), (paidMin, shipMin) => {
        const paidAt = BASE - paidMin * 60_000;
        const open = OrderSchema.parse({ platform: 'douyin', orderId: 'P', readAt: BASE, timeline: { paidAt } });
        const shipped = { ...open, timeline: { ...open.timeline, shippedAt: paidAt + shipMin * 60_000 } };
        const before = evaluate([open], CATALOG, BASE)[0]!;
        const after = evaluate([shipped], CATALOG, BASE)[0]!;
        expect(['running', 'due-soon', 'critical']).toContain(before.state);
        expect(after.state).toBe(shipMin <= 48 * 60 ? 'met' : 'met-late');
      }),
    );
  });

  it('garbage never throws out of evaluate, and every verdict it returns is well-formed', () => {
    const garbageOrder = fc.oneof(
      fc.anything(),
      // Valid orders with one field replaced by anything at all.
      fc
        .tuple(ordersArb, fc.constantFrom('timeline', 'afterSales', 'serviceTickets', 'buyerMessages', 'filings', 'categories', 'services', 'status', 'orderId', 'subOrderCount', 'agreedDeliveryDays'), fc.anything())
        .map(([orders, field, value]) => ({ ...orders[0]!, [field]: value })),
      fc.record({
        platform: fc.constantFrom('douyin', 'kuaishou', 'alibaba1688', 'tmallGlobal'),
        orderId: fc.string(),
        timeline: fc.dictionary(fc.constantFrom('paidAt', 'shippedAt', 'shipBy', 'receivedAt', 'lastTrackingAt'), fc.oneof(fc.double(), fc.integer(), fc.string())),
        afterSales: fc.array(fc.anything(), { maxLength: 3 }),
        filings: fc.array(fc.record({ waived: fc.anything(), newDeadline: fc.anything(), ruleIds: fc.anything() }), { maxLength: 2 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(garbageOrder, { maxLength: 8 }), fc.double(), fc.anything(), (orders, now, settings) => {
        const verdicts = evaluate(orders as Order[], CATALOG, now, settings as never);
        for (const v of verdicts) {
          expect(VerdictSchema.safeParse(JSON.parse(JSON.stringify(v))).success).toBe(true);
          if (v.deadline !== undefined) expect(Number.isFinite(v.deadline)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: same input, same output', () => {
    const orders = generateOrders(200, BASE, 7).map((o) => OrderSchema.parse(o));
    expect(evaluate(orders, CATALOG, BASE + HOUR, DEFAULT_ENGINE_SETTINGS)).toEqual(
      evaluate(orders, CATALOG, BASE + HOUR, DEFAULT_ENGINE_SETTINGS),
    );
  });
});
