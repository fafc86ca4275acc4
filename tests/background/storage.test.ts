import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOUR_MS, MINUTE_MS } from '@/policies/time';
import { migrateOrdersV1toV2 } from '@/utils/storage';
import { boot, DOUYIN_TAB, POPUP, send, stored, storedOrders, freshBrowserAt } from './harness';

const NOW = Date.parse('2025-06-18T10:00:00+08:00');

const raw = (orderId: string, readAt = NOW, shipIn = 20 * MINUTE_MS) => ({
  platform: 'douyin',
  orderId,
  status: 'awaiting-shipment',
  timeline: { paidAt: NOW - 28 * HOUR_MS, shipBy: NOW + shipIn },
  readAt,
});

interface PopupState {
  items: { orderId: string; state: string }[];
  problems: { storage?: { message: string }; corrupted?: { count: number; items: string[] } };
}
const popup = async () => (await send({ type: 'popup-state' }, POPUP)) as PopupState;
const orderIds = (s: PopupState) => [...new Set(s.items.map((i) => i.orderId))].sort();

freshBrowserAt(NOW);

describe('storage migrations', () => {
  it('v1 (an array) → v2 (keyed by platform:orderId), the newest reading winning duplicates', () => {
    const older = raw('A1', NOW - HOUR_MS);
    const newer = raw('A1', NOW);
    expect(migrateOrdersV1toV2([older, newer, raw('B2'), 'junk', null])).toEqual({ 'douyin:A1': newer, 'douyin:B2': raw('B2') });
    expect(migrateOrdersV1toV2({ not: 'an array' })).toEqual({ not: 'an array' });
  });

  for (const meta of [undefined, { v: 1 }]) {
    it(`upgrades stored v1 orders (meta ${JSON.stringify(meta)}) to one key per order on start without losing any`, async () => {
      await fakeBrowser.storage.local.set({ orders: [raw('A1'), raw('B2', NOW, 20 * HOUR_MS)], ...(meta && { orders$: meta }) });
      await boot();
      const s = await stored();
      expect(Object.keys(await storedOrders()).sort()).toEqual(['douyin:A1', 'douyin:B2']);
      expect(s.orders).toBeUndefined();
      expect(s.orders$).toEqual({ v: 3 });
      expect(orderIds(await popup())).toEqual(['A1', 'B2']);
    });
  }

  it('upgrades v2 orders (one value keyed by platform:orderId) to one key per order, the newer reading winning', async () => {
    const older = { ...raw('A1', NOW - HOUR_MS), subOrderCount: 1 };
    await fakeBrowser.storage.local.set({ orders: { 'douyin:A1': older, 'douyin:B2': raw('B2') }, orders$: { v: 2 }, 'order:douyin:A1': JSON.stringify(raw('A1')) });
    await boot();
    const s = await stored();
    const kept = await storedOrders();
    expect(Object.keys(kept).sort()).toEqual(['douyin:A1', 'douyin:B2']);
    expect(kept['douyin:A1']).toMatchObject({ readAt: NOW });
    expect(s.orders).toBeUndefined();
    expect(s.orders$).toEqual({ v: 3 });
    expect((await popup()).problems.corrupted).toBeUndefined();
  });

  it('reads orders stored by a newer version one by one, reports it and rewrites the version', async () => {
    const v = 99;
    await fakeBrowser.storage.local.set({ 'order:douyin:A1': JSON.stringify(raw('A1')), 'order:douyin:B': JSON.stringify({ nonsense: true }), orders$: { v } });
    await boot();
    const state = await popup();
    expect(orderIds(state)).toEqual(['A1']);
    expect(state.problems.corrupted?.items).toEqual([`orders:version ${v}`, 'orders:douyin:B']);
    expect((await stored()).orders$).toEqual({ v: 3 });
    expect(Object.keys(await storedOrders())).toEqual(['douyin:A1']);
  });

  it('leaves current (v3) data as it is: nothing is written on start', async () => {
    await fakeBrowser.storage.local.set({ 'order:douyin:A1': JSON.stringify(raw('A1', NOW, 20 * HOUR_MS)), orders$: { v: 3 } });
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const removals = vi.spyOn(fakeBrowser.storage.local, 'remove');
    await boot();
    expect(orderIds(await popup())).toEqual(['A1']);
    expect(writes.mock.calls).toEqual([]);
    expect(removals).not.toHaveBeenCalled();
    writes.mockRestore();
    removals.mockRestore();
  });
});

describe('corrupted storage', () => {
  it('drops only the bad orders, reports them, and keeps the rest', async () => {
    await fakeBrowser.storage.local.set({
      'order:douyin:A1': JSON.stringify(raw('A1')),
      'order:douyin:BAD': JSON.stringify({ ...raw('BAD'), readAt: 'last tuesday' }),
      'order:douyin:NOPE': 42,
      'order:douyin:CUT': '{"platform":"douyin","orderId":"CUT","rea',
      orders$: { v: 3 },
    });
    await boot();
    const state = await popup();
    expect(orderIds(state)).toEqual(['A1']);
    expect(state.problems.corrupted).toMatchObject({ count: 3, items: ['orders:douyin:BAD', 'orders:douyin:NOPE', 'orders:douyin:CUT'] });
    expect(Object.keys(await storedOrders())).toEqual(['douyin:A1']);
  });

  it('moves an order stored under another order\'s key to its own, the newer reading winning', async () => {
    await fakeBrowser.storage.local.set({
      'order:douyin:X': JSON.stringify(raw('A1', NOW)),
      'order:douyin:A1': JSON.stringify(raw('A1', NOW - HOUR_MS)),
      'order:douyin:Y': JSON.stringify(raw('B2', NOW - HOUR_MS)),
      orders$: { v: 3 },
    });
    await boot();
    expect(orderIds(await popup())).toEqual(['A1', 'B2']);
    const kept = await storedOrders();
    expect(Object.keys(kept).sort()).toEqual(['douyin:A1', 'douyin:B2']);
    expect(kept['douyin:A1']).toMatchObject({ readAt: NOW });
  });

  it('keeps an order whose key held another order, when its own reading comes from a v2 value', async () => {
    await fakeBrowser.storage.local.set({ orders: { 'douyin:B2': raw('B2') }, orders$: { v: 2 }, 'order:douyin:B2': JSON.stringify(raw('A1')) });
    await boot();
    expect(orderIds(await popup())).toEqual(['A1', 'B2']);
    const kept = await storedOrders();
    expect(Object.keys(kept).sort()).toEqual(['douyin:A1', 'douyin:B2']);
    expect(kept['douyin:B2']).toMatchObject({ orderId: 'B2' });
  });

  it('replaces a stored value of the wrong shape entirely, and a wrong settings field with its default', async () => {
    await fakeBrowser.storage.local.set({
      orders: 'garbage',
      orders$: { v: 2 },
      readHealth: { douyin: { lastReadAt: 'x' } },
      settings: { lang: 'fr', retentionDays: 7 },
    });
    await boot();
    const state = await popup();
    expect(state.problems.corrupted?.items.sort()).toEqual(['orders', 'readHealth:douyin', 'settings:lang']);
    const s = await stored();
    expect(s.orders).toBeUndefined();
    expect(await storedOrders()).toEqual({});
    expect(s.settings).toMatchObject({ lang: 'zh', retentionDays: 7 });
    // and the store works again
    await send({ type: 'page-read', platform: 'douyin', pagePath: '/', readAt: NOW, orders: [raw('A1')], unreadable: [] }, DOUYIN_TAB);
    expect(orderIds(await popup())).toEqual(['A1']);
  });
});

describe('storage errors', () => {
  it('surfaces a quota error in the popup, withholds notifications, and clears once writes work', async () => {
    await boot();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((async (items: Record<string, unknown>) => {
      if (Object.keys(items).some((key) => key.startsWith('order:'))) throw new Error('QUOTA_BYTES quota exceeded');
      return realSet(items);
    }) as never);
    const message = { type: 'page-read', platform: 'douyin', pagePath: '/', readAt: NOW, orders: [raw('A1')], unreadable: [] };
    const reply = (await send(message, DOUYIN_TAB)) as { ok: boolean; verdicts: unknown[] };
    expect(reply.ok).toBe(true); // the page still gets its badges
    expect(reply.verdicts.length).toBeGreaterThan(0);
    expect((await popup()).problems.storage?.message).toBe('QUOTA_BYTES quota exceeded');
    expect(create).not.toHaveBeenCalled();
    expect((await stored()).notified).toBeUndefined(); // not marked sent: it will still be shown

    set.mockRestore();
    await send(message, DOUYIN_TAB);
    const state = await popup();
    expect(state.problems.storage).toBeUndefined();
    expect(orderIds(state)).toEqual(['A1']);
    expect(create).toHaveBeenCalledTimes(1);
  });
});
