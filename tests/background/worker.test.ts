import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PLATFORM_PAGES } from '@/policies/platforms';
import { HOUR_MS, MINUTE_MS } from '@/policies/time';
import { MAX_MESSAGE_CHARS } from '@/utils/background/validate';
import { VerdictsReplySchema } from '@/utils/messages';
import type { OrderInput } from '@/policies/order';
import { boot, DOUYIN_TAB, EXT_ID, fireAlarm, POPUP, restart, send, stored, storedOrders, wakeAlarmAt, freshBrowserAt } from './harness';

const NOW = Date.parse('2025-06-18T10:00:00+08:00');

/** A Douyin order awaiting shipment, paid 28 h ago, whose page shows ship-by `shipIn` from now. */
function douyin(orderId: string, shipIn: number, over: Partial<OrderInput> = {}): OrderInput {
  return {
    platform: 'douyin',
    orderId,
    status: 'awaiting-shipment',
    amount: 128,
    timeline: { paidAt: NOW - 28 * HOUR_MS, shipBy: NOW + shipIn },
    readAt: NOW,
    ...over,
  };
}

function pageRead(orders: OrderInput[], extra: Record<string, unknown> = {}) {
  return { type: 'page-read', platform: 'douyin', pagePath: '/ffa/morder/order/list', readAt: NOW, orders, unreadable: [], ...extra };
}

const badge = () => fakeBrowser.action.getBadgeText({});

freshBrowserAt(NOW);

describe('background worker', () => {
  it('merges a page reading, evaluates it and replies with verdicts, language and thresholds', async () => {
    await boot();
    const reply = (await send(pageRead([douyin('A1', 20 * MINUTE_MS), douyin('A2', 20 * HOUR_MS)]), DOUYIN_TAB)) as {
      ok: boolean;
      lang: string;
      thresholds: unknown;
      verdicts: { orderId: string; ruleId: string; state: string; timeLeftMs?: number }[];
    };
    // Pages take the verdicts as typed (PageReplySchema checks the envelope): the worker keeps to the full schema.
    expect(VerdictsReplySchema.safeParse(reply).error).toBeUndefined();
    expect(reply.lang).toBe('zh');
    expect(reply.thresholds).toMatchObject({ criticalFloorMinutes: 30 });
    const ship = (id: string) => reply.verdicts.find((v) => v.orderId === id && v.ruleId === 'douyin.ship');
    expect(ship('A1')).toMatchObject({ state: 'critical', timeLeftMs: 20 * MINUTE_MS });
    expect(ship('A2')).toMatchObject({ state: 'running', timeLeftMs: 20 * HOUR_MS });

    const s = await stored();
    expect(Object.keys(await storedOrders()).sort()).toEqual(['douyin:A1', 'douyin:A2']);
    expect(s.readHealth).toEqual({ douyin: { lastReadAt: NOW, pagePath: '/ffa/morder/order/list', rows: 2, unreadable: 0, reasons: [] } });
    expect(await badge()).toBe('1');
  });

  it('stores readings that arrive together in one write, and answers each with its own orders', async () => {
    await boot();
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    type Answer = { ok: boolean; verdicts: { orderId: string; ruleId: string; timeLeftMs?: number }[] };
    const chunks = [['B1', 'B2'], ['B3'], ['B4', 'B5']].map((ids, i) => pageRead(ids.map((id) => douyin(id, (i + 1) * HOUR_MS)), { rows: 5 }));
    const replies = (await Promise.all(chunks.map((m) => send(m, DOUYIN_TAB)))) as Answer[];
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(replies.map((r) => [...new Set(r.verdicts.map((v) => v.orderId))].sort())).toEqual([['B1', 'B2'], ['B3'], ['B4', 'B5']]);
    expect(replies[2]!.verdicts.find((v) => v.orderId === 'B4' && v.ruleId === 'douyin.ship')?.timeLeftMs).toBe(3 * HOUR_MS);
    expect(Object.keys(await storedOrders()).sort()).toEqual(['douyin:B1', 'douyin:B2', 'douyin:B3', 'douyin:B4', 'douyin:B5']);
    expect((await stored()).readHealth).toMatchObject({ douyin: { rows: 5 } });
    // Sent together, stored together (one reading after another would write the orders three times).
    const orderWrites = writes.mock.calls.filter(([items]) => Object.keys(items as object).some((key) => key.startsWith('order:')));
    expect(orderWrites.length).toBe(1);
    writes.mockRestore();
  });

  it('writes only the orders a reading changed, each under its own key, and removes those it lets go', async () => {
    await boot();
    await send(pageRead(['D1', 'D2', 'D3', 'D4'].map((id) => douyin(id, 20 * HOUR_MS))), DOUYIN_TAB);
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const removals = vi.spyOn(fakeBrowser.storage.local, 'remove');
    const shipped = douyin('D2', HOUR_MS, {
      status: 'shipped',
      timeline: { paidAt: NOW - 5 * HOUR_MS, shipBy: NOW + HOUR_MS, shippedAt: NOW - HOUR_MS, pickupScanAt: NOW - HOUR_MS, firstHubAt: NOW - 30 * MINUTE_MS, lastTrackingAt: NOW - MINUTE_MS, receivedAt: NOW - MINUTE_MS },
    });
    await send(pageRead([douyin('D1', 2 * HOUR_MS), shipped]), DOUYIN_TAB);
    const written = writes.mock.calls.flatMap(([items]) => Object.keys(items as object).filter((key) => key.startsWith('order:')));
    expect(written).toEqual(['order:douyin:D1']); // D2 is finished: let go, not written
    expect(removals.mock.calls.flat(2)).toEqual(['order:douyin:D2']);
    expect(Object.keys(await storedOrders()).sort()).toEqual(['douyin:D1', 'douyin:D3', 'douyin:D4']);
    expect((await storedOrders())['douyin:D1']).toMatchObject({ timeline: { shipBy: NOW + 2 * HOUR_MS } });
    writes.mockRestore();
    removals.mockRestore();
  });

  it('reads storage once while it lives; a new worker, or one whose write failed, reads it again', async () => {
    await boot();
    await send(pageRead([douyin('E1', 20 * HOUR_MS)]), DOUYIN_TAB);
    const loads = vi.spyOn(fakeBrowser.storage.local, 'get');
    // Reads of everything stored (WXT's items also read their own versions when defined).
    const readsOfAll = () => loads.mock.calls.filter(([keys]) => keys == null).length;
    await send(pageRead([douyin('E2', 20 * HOUR_MS)]), DOUYIN_TAB);
    const popup = (await send({ type: 'popup-state' }, POPUP)) as { platforms: { platform: string; orders: number }[] };
    expect(popup.platforms.find((p) => p.platform === 'douyin')?.orders).toBe(2);
    expect(readsOfAll()).toBe(0);

    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const failing = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error'));
    await send(pageRead([douyin('E3', 20 * HOUR_MS)]), DOUYIN_TAB);
    expect(readsOfAll()).toBe(0);
    failing.mockImplementation(set);
    await send(pageRead([douyin('E4', 20 * HOUR_MS)]), DOUYIN_TAB);
    expect(readsOfAll()).toBe(1);
    // E3 was never stored: what is stored is what the worker now knows.
    expect(Object.keys(await storedOrders()).sort()).toEqual(['douyin:E1', 'douyin:E2', 'douyin:E4']);

    loads.mockClear();
    await restart();
    expect(readsOfAll()).toBe(1);
  });

  it('answers a page as soon as its reading is merged; the write follows before the next job', async () => {
    const worker = await boot();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      await gate;
      return set(items);
    });
    const answered = new Promise<{ ok: boolean; verdicts: { orderId: string }[] }>((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(pageRead([douyin('C1', 2 * HOUR_MS)]), DOUYIN_TAB as never, resolve as never);
    });
    const reply = await answered;
    expect(reply.ok).toBe(true);
    expect(reply.verdicts.some((v) => v.orderId === 'C1')).toBe(true);
    expect(await storedOrders()).not.toHaveProperty('douyin:C1');
    release();
    await worker.idle();
    expect(await storedOrders()).toHaveProperty('douyin:C1');
    writes.mockRestore();
  });

  it('keeps the newest reading of an order and answers a later verdicts query from storage', async () => {
    await boot();
    await send(pageRead([douyin('A1', 20 * HOUR_MS, { readAt: NOW })]), DOUYIN_TAB);
    await send(pageRead([douyin('A1', 20 * MINUTE_MS, { readAt: NOW - MINUTE_MS })]), DOUYIN_TAB); // stale tab
    const reply = (await send({ type: 'verdicts', platform: 'douyin', orderIds: ['A1'] }, DOUYIN_TAB)) as {
      verdicts: { ruleId: string; state: string }[];
    };
    expect(reply.verdicts.find((v) => v.ruleId === 'douyin.ship')?.state).toBe('running');
  });

  it('answers verdicts queries that arrive together from one recompute, each with its own orders', async () => {
    await boot();
    await send(pageRead(['Q1', 'Q2', 'Q3'].map((id, i) => douyin(id, (i + 1) * HOUR_MS))), DOUYIN_TAB);
    // Each recompute ends by setting the toolbar badge.
    const recomputes = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const queries = [['Q1'], ['Q2', 'Q3']].map((orderIds) => send({ type: 'verdicts', platform: 'douyin', orderIds }, DOUYIN_TAB));
    const replies = (await Promise.all(queries)) as { ok: boolean; verdicts: { orderId: string }[] }[];
    expect(replies.map((r) => [...new Set(r.verdicts.map((v) => v.orderId))])).toEqual([['Q1'], ['Q2', 'Q3']]);
    expect(recomputes).toHaveBeenCalledTimes(1);
    recomputes.mockClear();
    for (const orderIds of [['Q1'], ['Q2', 'Q3']]) await send({ type: 'verdicts', platform: 'douyin', orderIds }, DOUYIN_TAB);
    expect(recomputes).toHaveBeenCalledTimes(2);
    recomputes.mockRestore();
  });

  it('ignores senders that are not its own content script on the platform host, touching nothing', async () => {
    await boot();
    const before = await stored();
    const message = pageRead([douyin('EVIL', 20 * MINUTE_MS)]);
    for (const sender of [
      { ...DOUYIN_TAB, id: 'another-extension' },
      { ...DOUYIN_TAB, url: 'https://evil.example/ffa/morder/order/list' },
      { ...DOUYIN_TAB, url: 'https://s.kwaixiaodian.com/zone/order/list' }, // Kuaishou tab writing Douyin orders
      { id: EXT_ID, url: 'https://fxg.jinritemai.com/' }, // no tab: not a content script
      { id: EXT_ID, url: 42, tab: { id: 1 } },
      null,
    ] as never[]) {
      expect(await send(message, sender)).toBeUndefined();
    }
    // a content script may not use the extension pages' messages
    expect(await send({ type: 'delete-all-data', platform: 'douyin' }, DOUYIN_TAB)).toMatchObject({ ok: false });
    expect(await stored()).toEqual(before);
  });

  it('lets a tab write only its own platform\'s orders, and stores no field beyond the order model', async () => {
    await boot();
    const smuggled = { ...douyin('K1', HOUR_MS), platform: 'kuaishou' as const };
    const withBuyer = { ...douyin('A1', HOUR_MS), buyerName: '张三', phone: '13800138000', address: '北京市朝阳区' };
    await send(pageRead([smuggled, withBuyer]), DOUYIN_TAB);
    const s = await stored();
    expect(Object.keys(await storedOrders())).toEqual(['douyin:A1']);
    expect(JSON.stringify(s)).not.toMatch(/张三|13800138000|朝阳/);
  });

  it('rejects malformed and oversized messages without changing stored state', async () => {
    await boot();
    await send(pageRead([douyin('A1', 20 * HOUR_MS)]), DOUYIN_TAB);
    const before = await stored();
    const bad = [
      pageRead([douyin('A3', HOUR_MS)], { readAt: 'yesterday' }),
      pageRead([douyin('A4', HOUR_MS)], { pagePath: 'x'.repeat(MAX_MESSAGE_CHARS + 1) }),
      { type: 'page-read', platform: 'douyin' },
    ];
    for (const message of bad) expect(await send(message, DOUYIN_TAB)).toMatchObject({ ok: false });
    expect(await stored()).toEqual(before);
  });

  it('takes the valid orders of a reading, answers which it rejected and counts their rows unreadable', async () => {
    await boot();
    const reply = (await send(
      pageRead([douyin('A1', 20 * HOUR_MS), douyin('A2', HOUR_MS, { amount: -5 }), { ...douyin('A3', HOUR_MS), orderId: '<script>alert(1)</script>' }], { rows: 3 }),
      DOUYIN_TAB,
    )) as { ok: boolean; verdicts: { orderId: string }[]; rejected?: unknown };
    expect(reply.ok).toBe(true);
    expect(new Set(reply.verdicts.map((v) => v.orderId))).toEqual(new Set(['A1']));
    expect(reply.rejected).toEqual([{ orderId: 'A2', field: 'amount' }]);
    expect(VerdictsReplySchema.safeParse(reply).error).toBeUndefined();
    const s = await stored();
    expect(Object.keys(await storedOrders())).toEqual(['douyin:A1']);
    expect(s.readHealth).toMatchObject({ douyin: { rows: 3, unreadable: 1, reasons: ['数据不完整：amount'] } });
  });

  it('schedules an alarm for each next state change and recomputes when it fires', async () => {
    await boot();
    // window 48 h (paid −28 h, ship-by +20 h): due-soon at −12 h (25 %), critical at −4.8 h (10 %)
    await send(pageRead([douyin('A1', 20 * HOUR_MS)]), DOUYIN_TAB);
    expect(await badge()).toBe('');
    expect(await wakeAlarmAt()).toBe(NOW + 8 * HOUR_MS);

    await fireAlarm();
    expect(await badge()).toBe('1'); // due-soon, amber
    expect(await wakeAlarmAt()).toBe(NOW + 20 * HOUR_MS - 4.8 * HOUR_MS);

    await fireAlarm();
    const critical = fakeBrowser.notifications.getAllCreateOptions();
    expect(Object.keys(critical)).toEqual(['douyin:A1:douyin.ship:|critical']);
    expect(critical['douyin:A1:douyin.ship:|critical']).toMatchObject({
      title: '守约 · 抖店 · 紧急',
      message: expect.stringContaining('订单 A1：发货 剩 4小时48分'),
    });
    expect(await wakeAlarmAt()).toBe(NOW + 20 * HOUR_MS + 1);

    await fireAlarm();
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toContain('douyin:A1:douyin.ship:|breached');
  });

  it('notifies once and only once, across worker restarts', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await boot();
    await send(pageRead([douyin('A1', 20 * MINUTE_MS)]), DOUYIN_TAB);
    await send(pageRead([douyin('A1', 20 * MINUTE_MS)]), DOUYIN_TAB);
    expect(create).toHaveBeenCalledTimes(1);

    const worker = await restart();
    await worker.refresh();
    await send(pageRead([douyin('A1', 20 * MINUTE_MS)]), DOUYIN_TAB);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await badge()).toBe('1');
  });

  it('rebuilds the popup state after a restart from storage alone', async () => {
    await boot();
    await send(pageRead([douyin('A1', 20 * MINUTE_MS), douyin('A2', 20 * HOUR_MS)]), DOUYIN_TAB);
    const first = await send({ type: 'popup-state' }, POPUP);
    await restart();
    const again = (await send({ type: 'popup-state' }, POPUP)) as { items: { orderId: string; state: string }[] };
    expect(again).toEqual(first);
    expect(again.items.map((i) => [i.orderId, i.state])).toEqual([
      ['A1', 'critical'],
      ['A2', 'running'],
    ]);
  });

  it('opens or focuses the platform order page when a notification is clicked', async () => {
    await boot();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('douyin:A1:douyin.ship:|critical');
    expect(create).toHaveBeenCalledWith({ url: PLATFORM_PAGES.douyin.orderListUrl, active: true });

    const open = await fakeBrowser.tabs.create({ url: 'https://fxg.jinritemai.com/ffa/morder/order/list?tab=2' });
    const other = await fakeBrowser.tabs.create({ url: 'https://fxg.jinritemai.com.evil.example/ffa/morder/order/list' });
    // fakeBrowser's query ignores match patterns: answer as the browser would for any host
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [other, open]) as never);
    create.mockClear();
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await fakeBrowser.notifications.onClicked.trigger('douyin:A1:douyin.ship:|breached');
    expect(create).not.toHaveBeenCalled();
    expect(update).toHaveBeenCalledWith(open.id, { active: true });
  });

  it('snooze hides a clock from the badge until the snooze ends, then wakes', async () => {
    await boot();
    await send(pageRead([douyin('A1', 2 * HOUR_MS)]), DOUYIN_TAB); // critical, breached in 2 h
    const reply = (await send({ type: 'mark', key: 'douyin:A1:douyin.ship:', action: 'snooze' }, POPUP)) as {
      items: { mark?: { kind: string } }[];
    };
    expect(reply.items[0]?.mark?.kind).toBe('snooze');
    expect(await badge()).toBe('');
    expect(await wakeAlarmAt()).toBe(NOW + HOUR_MS);
    await fireAlarm();
    expect(await badge()).toBe('1');
  });

  it('prunes orders whose clocks are all finished, and orders past retention', async () => {
    await boot();
    const shipped = douyin('DONE', HOUR_MS, {
      status: 'shipped',
      timeline: { paidAt: NOW - 5 * HOUR_MS, shipBy: NOW + HOUR_MS, shippedAt: NOW - HOUR_MS, pickupScanAt: NOW - HOUR_MS, firstHubAt: NOW - 30 * MINUTE_MS, lastTrackingAt: NOW - MINUTE_MS, receivedAt: NOW - MINUTE_MS },
    });
    const reply = (await send(pageRead([shipped, douyin('OPEN', 20 * HOUR_MS)]), DOUYIN_TAB)) as { verdicts: { orderId: string }[] };
    expect(reply.verdicts.some((v) => v.orderId === 'DONE')).toBe(true); // the page still gets its badge
    const keys = async () => Object.keys(await storedOrders());
    expect(await keys()).not.toContain('douyin:DONE');
    expect(await keys()).toContain('douyin:OPEN');

    vi.setSystemTime(NOW + 31 * 24 * HOUR_MS);
    const worker = await restart();
    await worker.refresh();
    expect(await keys()).toEqual([]);
  });

  it('a received order whose pickup and hub times are not shown is calm: not listed, counted or notified', async () => {
    await boot();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const received = douyin('R1', HOUR_MS, {
      status: 'received',
      timeline: { paidAt: NOW - 5 * 24 * HOUR_MS, shippedAt: NOW - 4 * 24 * HOUR_MS, receivedAt: NOW - 24 * HOUR_MS },
    });
    const reply = (await send(pageRead([received]), DOUYIN_TAB)) as { verdicts: { ruleId: string; state: string }[] };
    expect(reply.verdicts.find((v) => v.ruleId === 'douyin.hub')?.state).toBe('done-untimed');
    const popup = (await send({ type: 'popup-state' }, POPUP)) as { items: unknown[] };
    expect(popup.items).toEqual([]);
    expect(await badge()).toBe('');
    expect(create).not.toHaveBeenCalled();
    // Nothing can still happen to it: it is not kept.
    expect(await storedOrders()).toEqual({});
  });

  it('recomputes when the options page says it saved the settings', async () => {
    await boot();
    await send(pageRead([douyin('A1', 20 * MINUTE_MS)]), DOUYIN_TAB);
    expect(await badge()).toBe('1');
    await fakeBrowser.storage.local.set({ settings: { enabledPlatforms: ['kuaishou'] } });
    expect(await send({ type: 'settings-changed' }, POPUP)).toEqual({ ok: true });
    expect(await badge()).toBe('');
  });

  it('does not listen to storage changes (the browser would send it every orders write, old and new)', async () => {
    await boot();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
    expect(fakeBrowser.storage.local.onChanged.hasListeners()).toBe(false);
  });

  it('ignores a disabled platform', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabledPlatforms: ['kuaishou'] } });
    await boot();
    const reply = (await send(pageRead([douyin('A1', 20 * MINUTE_MS)]), DOUYIN_TAB)) as { verdicts: unknown[] };
    expect(reply.verdicts).toEqual([]);
    expect(await storedOrders()).toEqual({});
  });

  it('deletes all data on request from its own page, keeping settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { lang: 'en' } });
    await boot();
    await send(pageRead([douyin('A1', 20 * MINUTE_MS)]), DOUYIN_TAB);
    expect(await send({ type: 'delete-all-data' }, POPUP)).toEqual({ ok: true });
    expect(await stored()).toEqual({ settings: { lang: 'en' } });
    expect(await badge()).toBe('');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
