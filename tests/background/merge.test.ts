import { describe, expect, it } from 'vitest';
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
});
