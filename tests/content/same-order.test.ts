import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderSchema, type Order } from '@/policies/order';
import { sameButReadAt } from '@/utils/page/same-order';
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
