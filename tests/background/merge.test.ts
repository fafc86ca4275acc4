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
});
