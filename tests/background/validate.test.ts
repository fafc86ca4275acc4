import { describe, expect, it } from 'vitest';
import { checkMessage, MAX_MESSAGE_CHARS } from '@/utils/background/validate';
import { IncomingMessageSchema } from '@/utils/messages';

const base = { type: 'page-read', platform: 'douyin', pagePath: '/ffa/morder/order/list', readAt: 1, unreadable: [] };

describe('checkMessage', () => {
  it('accepts a well-formed page reading', () => {
    const r = checkMessage(IncomingMessageSchema, { ...base, orders: [{ platform: 'douyin', orderId: 'A1', readAt: 1 }] });
    expect(r.ok).toBe(true);
  });

  it('rejects malformed messages with the reason', () => {
    for (const bad of [null, 'page-read', { ...base, type: 'wipe' }, { ...base, orders: [{ orderId: '<img>' }] }]) {
      const r = checkMessage(IncomingMessageSchema, bad);
      expect(r.ok).toBe(false);
    }
    const r = checkMessage(IncomingMessageSchema, { ...base, orders: [{ platform: 'douyin', orderId: 'a b', readAt: 1 }] });
    expect(r.ok === false && r.error).toMatch(/orders\.0\.orderId/);
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
