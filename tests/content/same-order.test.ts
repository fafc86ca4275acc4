import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderSchema, type Order } from '@/policies/order';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine/evaluate';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import { sameButReadAt, sameButTimeLeft } from '@/utils/page/same-order';
import { generateOrders } from '../bench/generate-orders';

/** The JSON of a value with its object keys sorted: what the background would store, in one order. */
const canonical = (v: unknown) =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

/** A copy with its object keys in reverse order and, where `pad`, a field set to undefined. */
function reshaped(v: unknown, pad: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => reshaped(x, pad));
  if (!v || typeof v !== 'object') return v;
  const entries = Object.entries(v).reverse().map(([k, x]) => [k, reshaped(x, pad)] as const);
  return Object.fromEntries(pad ? [...entries, ['padding', undefined]] : entries);
}

const asOrder = (v: unknown) => v as Order;
const BASE = Date.UTC(2024, 2, 8, 2);
const orders = generateOrders(60, BASE, 11).map((o) => OrderSchema.parse(o));

describe('sameButReadAt', () => {
  it('agrees with comparing the JSON the background stores, for any JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameButReadAt(asOrder(a), asOrder(b))).toBe(canonical(a) === canonical(b));
      }),
    );
  });

  it('finds a value equal to its copy whatever the key order and undefined fields', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (a, pad) => {
        expect(sameButReadAt(asOrder(a), asOrder(reshaped(a, pad)))).toBe(true);
      }),
    );
  });

  it('ignores the reading time, and nothing else of an order', () => {
    for (const order of orders) {
      expect(sameButReadAt(order, { ...order, readAt: order.readAt + 60_000 })).toBe(true);
      expect(sameButReadAt(order, structuredClone(order))).toBe(true);
      expect(sameButReadAt(order, { ...order, status: order.status === 'shipped' ? 'awaiting-shipment' : 'shipped' })).toBe(false);
      expect(sameButReadAt(order, { ...order, timeline: { ...order.timeline, shipBy: (order.timeline.shipBy ?? BASE) + 1 } })).toBe(false);
      expect(sameButReadAt(order, { ...order, categories: [...order.categories, 'fresh-food'] })).toBe(false);
      expect(sameButReadAt(order, { ...order, amount: order.amount === undefined ? 1 : undefined })).toBe(false);
    }
  });
});

describe('sameButTimeLeft', () => {
  const verdicts = evaluate(orders, CATALOG, BASE + 3_600_000, DEFAULT_ENGINE_SETTINGS);
  const later = evaluate(orders, CATALOG, BASE + 3_600_000 + 5, DEFAULT_ENGINE_SETTINGS);

  it('finds the same verdicts counted a moment apart the same, whatever else moved', () => {
    expect(verdicts.some((v, i) => v.timeLeftMs !== later[i]!.timeLeftMs)).toBe(true);
    expect(sameButTimeLeft(verdicts, later)).toBe(true);
  });

  it('tells any other difference: a state, a deadline, a verdict more or less', () => {
    const open = verdicts.findIndex((v) => v.deadline !== undefined);
    const changed = (patch: Partial<(typeof verdicts)[number]>) => verdicts.map((v, i) => (i === open ? { ...v, ...patch } : v));
    expect(sameButTimeLeft(verdicts, changed({ state: verdicts[open]!.state === 'critical' ? 'breached' : 'critical' }))).toBe(false);
    expect(sameButTimeLeft(verdicts, changed({ deadline: verdicts[open]!.deadline! + 60_000 }))).toBe(false);
    expect(sameButTimeLeft(verdicts, verdicts.slice(1))).toBe(false);
    expect(sameButTimeLeft(verdicts.slice(1), verdicts)).toBe(false);
  });
});
