import { describe, expect, it } from 'vitest';
import { MAX_CASES_PER_ORDER, OrderSchema } from '@/policies/order';
import { mergeOrders } from '@/utils/background/merge';
import { order } from './orders';

const T = Date.parse('2025-06-18T10:00:00+08:00');

describe('mergeOrders', () => {
  it('keys by platform and order id; the newest reading wins whole, sub-orders included', () => {
    const old = order({ orderId: 'A1', subOrderCount: 1, amount: 10 }, T);
    const stored = mergeOrders({}, [old, order({ orderId: 'A1', platform: 'kuaishou' }, T)]);
    expect(Object.keys(stored).sort()).toEqual(['douyin:A1', 'kuaishou:A1']);

    const newer = order({ orderId: 'A1', subOrderCount: 3, amount: 30 }, T + 60_000);
    const merged = mergeOrders(stored, [newer]);
    expect(merged['douyin:A1']).toEqual(newer);
    expect(merged['kuaishou:A1']).toEqual(stored['kuaishou:A1']);
    expect(stored['douyin:A1']).toEqual(old); // input untouched
  });

  it('ignores a reading older than the stored one (a stale tab)', () => {
    const stored = mergeOrders({}, [order({ orderId: 'A1', amount: 30 }, T + 60_000)]);
    const merged = mergeOrders(stored, [order({ orderId: 'A1', amount: 10 }, T)]);
    expect(merged['douyin:A1']?.amount).toBe(30);
  });
  const caseA = { id: 'AS1', kind: 'refund-only' as const, requestedAt: T - 3_600_000, deadline: T + 40 * 60_000, awaitingMerchant: true };
  const timeline = { placedAt: T - 86_400_000, paidAt: T - 86_000_000 };

  it('a case-list reading updates only the cases: the order list\'s timeline, status and amount stay', () => {
    const stored = mergeOrders({}, [order({ orderId: 'A1', amount: 30, subOrderCount: 2, timeline }, T)]);
    const cases = order({ orderId: 'A1', status: undefined, scope: 'cases', afterSales: [caseA] }, T + 60_000);
    const merged = mergeOrders(stored, [cases])['douyin:A1'];
    expect(merged).toMatchObject({ amount: 30, subOrderCount: 2, status: 'awaiting-shipment', timeline, readAt: T + 60_000 });
    expect(merged?.afterSales).toEqual([caseA]);
    expect(merged?.scope).toBeUndefined();
  });

  it('an order-list reading keeps the cases only the case list showed, and replaces the ones it prints', () => {
    const stored = mergeOrders({}, [order({ orderId: 'A1', status: undefined, scope: 'cases', afterSales: [caseA] }, T)]);
    const list = order({ orderId: 'A1', timeline }, T + 60_000);
    const merged = mergeOrders(stored, [list])['douyin:A1'];
    expect(merged).toMatchObject({ status: 'awaiting-shipment', timeline, afterSales: [caseA] });
    expect(merged?.scope).toBeUndefined();

    const handled = { ...caseA, awaitingMerchant: false };
    const again = mergeOrders({ 'douyin:A1': merged! }, [order({ orderId: 'A1', timeline, afterSales: [handled] }, T + 120_000)]);
    expect(again['douyin:A1']?.afterSales).toEqual([handled]);
  });

  it('a stale case-list reading changes nothing', () => {
    const stored = mergeOrders({}, [order({ orderId: 'A1', timeline }, T + 60_000)]);
    const merged = mergeOrders(stored, [order({ orderId: 'A1', scope: 'cases', afterSales: [caseA] }, T)]);
    expect(merged['douyin:A1']?.afterSales).toEqual([]);
  });

  describe('settled cases the fresh reading no longer shows', () => {
    const DAY = 86_400_000;
    const settled = (id: string, handledAgo: number) => ({ ...caseA, id, requestedAt: T - handledAgo - DAY, handledAt: T - handledAgo, awaitingMerchant: false });
    const open = (id: string, requestedAgo: number) => ({ ...caseA, id, requestedAt: T - requestedAgo, deadline: undefined });
    const reread = (stored: ReturnType<typeof mergeOrders>, over: Parameters<typeof order>[0], retentionDays?: number) =>
      mergeOrders(stored, [order(over, T)], retentionDays)['douyin:A1']!;

    it('are kept for the retention period after they were settled, then dropped; open cases are never dropped by age', () => {
      const stored = mergeOrders({}, [
        order({ orderId: 'A1', afterSales: [settled('OLD', 31 * DAY), settled('RECENT', 29 * DAY), open('OPEN', 400 * DAY)] }, T - 60_000),
      ]);
      const merged = reread(stored, { orderId: 'A1', timeline });
      expect(merged.afterSales.map((c) => c.id)).toEqual(['RECENT', 'OPEN']);
    });

    it('follow the merchant\'s retention setting', () => {
      const stored = mergeOrders({}, [order({ orderId: 'A1', afterSales: [settled('S1', 8 * DAY), settled('S2', 6 * DAY)] }, T - 60_000)]);
      expect(reread(stored, { orderId: 'A1' }, 7).afterSales.map((c) => c.id)).toEqual(['S2']);
    });

    it('a case the fresh reading shows stays, however long ago it was settled', () => {
      const stored = mergeOrders({}, [order({ orderId: 'A1', afterSales: [settled('OLD', 90 * DAY)] }, T - 60_000)]);
      const merged = reread(stored, { orderId: 'A1', scope: 'cases', status: undefined, afterSales: [settled('OLD', 90 * DAY)] });
      expect(merged.afterSales.map((c) => c.id)).toEqual(['OLD']);
    });

    it('applies to service tickets by their reply time', () => {
      const ticket = (id: string, repliedAgo?: number) => ({ id, openedAt: T - 100 * DAY, repliedAt: repliedAgo === undefined ? undefined : T - repliedAgo });
      const stored = mergeOrders({}, [order({ orderId: 'A1', serviceTickets: [ticket('T-OLD', 40 * DAY), ticket('T-OPEN'), ticket('T-NEW', DAY)] }, T - 60_000)]);
      expect(reread(stored, { orderId: 'A1' }).serviceTickets.map((t) => t.id)).toEqual(['T-OPEN', 'T-NEW']);
    });

    it('stay within the schema\'s cap, giving way open cases first, then the most recently settled', () => {
      const many = [
        ...Array.from({ length: 150 }, (_, i) => settled(`S${i}`, (i + 1) * 60_000)), // S0 settled most recently
        ...Array.from({ length: 50 }, (_, i) => open(`O${i}`, DAY)),
      ];
      const stored = mergeOrders({}, [order({ orderId: 'A1', afterSales: many }, T - 60_000)]);
      const fresh = Array.from({ length: 10 }, (_, i) => open(`F${i}`, DAY));
      const merged = reread(stored, { orderId: 'A1', scope: 'cases', status: undefined, afterSales: fresh });
      const ids = merged.afterSales.map((c) => c.id);
      expect(ids).toHaveLength(MAX_CASES_PER_ORDER);
      expect(ids.slice(0, 10)).toEqual(fresh.map((c) => c.id));
      for (let i = 0; i < 50; i++) expect(ids).toContain(`O${i}`);
      expect(ids).toContain('S139');
      expect(ids).not.toContain('S140'); // the ten settled longest ago give way
      expect(OrderSchema.safeParse(merged).success).toBe(true);
    });
  });
});
