import { describe, expect, it } from 'vitest';
import { pinduoduoRules } from '@/policies/catalog/pinduoduo';
import { xiaohongshuRules } from '@/policies/catalog/xiaohongshu';
import { evaluate } from '@/policies/engine';
import { PARSERS } from '@/utils/page-data/parsers';
import { pinduoduoOrders } from '../fixtures/json/pinduoduo';
import { xiaohongshuOrders } from '../fixtures/json/xiaohongshu';
import { BASE, HOUR, ids, seconds } from '../fixtures/json/spec';

/** JSON → parser → engine: a deadline the data carries is the platform's; a missing one is estimated. */

const NOW = BASE + 10 * HOUR;

function ordersFrom(endpoint: 'pinduoduo.orders' | 'xiaohongshu.orders', body: unknown) {
  const result = PARSERS[endpoint](body, NOW);
  if (result.kind !== 'orders') throw new Error(result.kind);
  return result.orders;
}

describe('拼多多 catalog', () => {
  const paid = BASE;
  const body = pinduoduoOrders.response([
    { order_sn: ids.pinduoduo(1), order_status: 1, order_time: seconds(paid), confirm_time: seconds(paid), promise_shipping_time: seconds(paid + 30 * HOUR), delivery_one_day: '0' },
    { order_sn: ids.pinduoduo(2), order_status: 1, order_time: seconds(paid), confirm_time: seconds(paid), delivery_one_day: '0' },
    { order_sn: ids.pinduoduo(3), order_status: 1, order_time: seconds(paid), confirm_time: seconds(paid), delivery_one_day: '1' },
  ]);
  const verdicts = evaluate(ordersFrom('pinduoduo.orders', body), pinduoduoRules, NOW);
  const of = (n: number, ruleId: string) => verdicts.find((v) => v.orderId === ids.pinduoduo(n) && v.ruleId === ruleId);

  it('counts down to the deadline the data carries', () => {
    expect(of(1, 'pinduoduo.ship')).toMatchObject({ deadline: paid + 30 * HOUR, deadlineSource: 'platform', state: 'running' });
  });

  it('falls back to the default window when the data has no deadline, and says it was computed', () => {
    expect(of(2, 'pinduoduo.ship')).toMatchObject({ deadline: paid + 48 * HOUR, deadlineSource: 'rule' });
  });

  it('applies the same-day clock only to delivery_one_day orders (cutoff 16:00 China time)', () => {
    expect(of(1, 'pinduoduo.same-day')).toBeUndefined();
    // Paid 10:00 China time, before the 16:00 cutoff: due by the end of that China day.
    expect(of(3, 'pinduoduo.same-day')).toMatchObject({ deadlineSource: 'rule' });
    expect(of(3, 'pinduoduo.same-day')!.deadline).toBeLessThanOrEqual(Date.UTC(2026, 2, 29, 16, 0, 0));
  });

  it('marks every unconfirmed number as an unverified named setting', () => {
    const settings = pinduoduoRules.flatMap((r) => r.versions.flatMap((v) => [v.windowHours, v.cutoffHour])).filter((p) => typeof p === 'object');
    expect(settings.map((s) => s.id).sort()).toEqual(['pinduoduo.afterSalesHours', 'pinduoduo.defaultShipHours', 'pinduoduo.sameDayCutoffHour']);
    expect(settings.every((s) => !s.verified)).toBe(true);
  });
});

describe('小红书 catalog', () => {
  it('uses promiseLastDeliveryTime when present and the default window when not', () => {
    const body = xiaohongshuOrders.response([
      { packageId: ids.xiaohongshu(1), status: 4, orderedAt: BASE, paidAt: BASE, promiseLastDeliveryTime: BASE + 20 * HOUR },
      { packageId: ids.xiaohongshu(2), status: 4, orderedAt: BASE, paidAt: BASE },
    ]);
    const verdicts = evaluate(ordersFrom('xiaohongshu.orders', body), xiaohongshuRules, NOW);
    const ship = verdicts.filter((v) => v.ruleId === 'xiaohongshu.ship');
    expect(ship.map((v) => [v.deadline, v.deadlineSource])).toEqual([
      [BASE + 20 * HOUR, 'platform'],
      [BASE + 48 * HOUR, 'rule'],
    ]);
  });
});
