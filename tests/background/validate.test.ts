import { describe, expect, it } from 'vitest';
import { checkMessage, checkOrders, MAX_MESSAGE_CHARS } from '@/utils/background/validate';
import { IncomingMessageSchema } from '@/utils/messages';

const base = { type: 'page-read', platform: 'douyin', pagePath: '/ffa/morder/order/list', readAt: 1, unreadable: [] };

describe('checkMessage', () => {
  it('accepts a well-formed page reading', () => {
    const r = checkMessage(IncomingMessageSchema, { ...base, orders: [{ platform: 'douyin', orderId: 'A1', readAt: 1 }] });
    expect(r.ok).toBe(true);
  });

  it('rejects malformed messages with the reason', () => {
    for (const bad of [null, 'page-read', { ...base, type: 'wipe' }, { ...base, orders: 'A1' }]) {
      const r = checkMessage(IncomingMessageSchema, bad);
      expect(r.ok).toBe(false);
    }
    const r = checkMessage(IncomingMessageSchema, { ...base, orders: [], unreadable: [{ rowKey: '#1' }] });
    expect(r.ok === false && r.error).toMatch(/unreadable\.0\.reason/);
  });

  it('rejects an oversized message before parsing it', () => {
    const huge = { ...base, orders: [], pagePath: 'x'.repeat(MAX_MESSAGE_CHARS) };
    const r = checkMessage(IncomingMessageSchema, huge);
    expect(r.ok === false && r.error).toMatch(/too large/);
  });

  it('rejects values that are not plain data', () => {
    const cyclic: Record<string, unknown> = { ...base };
    cyclic.self = cyclic;
    expect(checkMessage(IncomingMessageSchema, cyclic).ok).toBe(false);
  });
});

describe('checkOrders', () => {
  const order = (orderId: unknown, over: Record<string, unknown> = {}) => ({ platform: 'douyin', orderId, readAt: 1, ...over });

  it('keeps the valid orders and names each rejected one by its id and the field at fault', () => {
    const { orders, rejected } = checkOrders(
      [order('A1'), order('A2', { amount: -5 }), order('A3', { afterSales: [{ id: 'S1', kind: 'refund-only', requestedAt: 'soon' }] }), order('A4')],
      'douyin',
    );
    expect(orders.map((o) => o.orderId)).toEqual(['A1', 'A4']);
    expect(orders[0]).toMatchObject({ subOrderCount: 1, afterSales: [], source: 'dom' }); // the schema's defaults
    expect(rejected).toEqual([
      { orderId: 'A2', field: 'amount' },
      { orderId: 'A3', field: 'afterSales.0.requestedAt' },
    ]);
  });

  it('drops, unnamed, what has no usable order id, and orders of another platform than the message', () => {
    const { orders, rejected } = checkOrders([null, 'A1', order('<img src=x>'), order('a b', { amount: -1 }), order('K1', { platform: 'kuaishou' })], 'douyin');
    expect(orders).toEqual([]);
    expect(rejected).toEqual([]);
  });
});
