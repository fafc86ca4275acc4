import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import { OrderSchema } from '@/policies/order';
import { HOUR_MS } from '@/policies/time';

const NOW = Date.parse('2025-06-18T10:00:00+08:00');

describe('an approved filing on an order not yet shipped', () => {
  // Found by the benchmark's peer comparison: the filing's new deadline used to start the pickup
  // and first-hub clocks too, which then showed "breached" before the parcel existed.
  const order = OrderSchema.parse({
    platform: 'douyin',
    orderId: 'F1',
    status: 'awaiting-shipment',
    timeline: { paidAt: NOW - 100 * HOUR_MS },
    filings: [{ kind: 'weather', approvedAt: NOW - 90 * HOUR_MS, newDeadline: NOW - 2 * HOUR_MS }],
    readAt: NOW,
  });
  const verdicts = evaluate([order], CATALOG, NOW);

  it('moves the ship deadline', () => {
    expect(verdicts.find((v) => v.ruleId === 'douyin.ship')).toMatchObject({ state: 'breached', deadlineSource: 'filing', deadline: NOW - 2 * HOUR_MS });
  });

  it('does not start the pickup or first-hub clocks', () => {
    expect(verdicts.filter((v) => v.clock === 'pickup' || v.clock === 'hub')).toEqual([]);
  });
});
