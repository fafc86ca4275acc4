import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OrderInput } from '@/policies/order';
import { HOUR_MS, MINUTE_MS } from '@/policies/time';
import { MAX_MESSAGE_CHARS } from '@/utils/background/validate';
import { IncomingMessageSchema } from '@/utils/messages';
import { boot, DOUYIN_TAB, EXT_ID, perOrderKey, POPUP, send, stored, storedOrders, wakeAlarmAt } from '../background/harness';
import { withZone, ZONES } from './zones';

/**
 * The background worker against hostile input: random messages from random senders, random
 * damage to every stored value (including versions from the future), the system clock jumping,
 * and the computer's time zone. Complements tests/background (H3's own cases).
 */

const NOW = Date.parse('2025-06-18T10:00:00+08:00');
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = process.env.FUZZ_RUNS ? {} : { seed: 20241118 }; // fixed in the test command, new under npm run fuzz

const order = (orderId: string, shipIn: number, over: Partial<OrderInput> = {}): OrderInput => ({
  platform: 'douyin',
  orderId,
  status: 'awaiting-shipment',
  timeline: { paidAt: NOW - 28 * HOUR_MS, shipBy: NOW + shipIn },
  readAt: NOW,
  ...over,
});
const pageRead = (orders: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'page-read',
  platform: 'douyin',
  pagePath: '/ffa/morder/order/list',
  readAt: NOW,
  orders,
  unreadable: [],
  ...extra,
});

interface PopupState {
  items: { orderId: string; ruleId: string; state: string; timeLeftMs?: number }[];
  problems: { corrupted?: { count: number; items: string[] } };
}
const popup = async () => (await send({ type: 'popup-state' }, POPUP)) as PopupState;
const orderIds = (s: PopupState) => [...new Set(s.items.map((i) => i.orderId))].sort();
const shipState = (s: PopupState, id: string) => s.items.find((i) => i.orderId === id && i.ruleId === 'douyin.ship')?.state;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Messages shaped like the protocol but wrong somewhere, and plain garbage. */
const hostileMessage = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.constantFrom('page-read', 'verdicts', 'popup-state', 'mark', 'delete-all-data', '__proto__'), platform: fc.anything() }),
  fc
    .tuple(fc.constantFrom('orders', 'readAt', 'platform', 'pagePath', 'unreadable', 'type'), fc.anything())
    .map(([field, value]) => ({ ...pageRead([order('X1', HOUR_MS)]), [field]: value })),
  fc.anything().map((junk) => pageRead([{ ...order('X2', HOUR_MS), timeline: junk }])),
  fc.constant(pageRead(Array.from({ length: 2_001 }, (_, i) => order(`N${i}`, HOUR_MS)))),
  fc.constant(pageRead([order('X3', HOUR_MS)], { pagePath: 'x'.repeat(MAX_MESSAGE_CHARS) })),
);

const anySender = fc.oneof(
  fc.constant(DOUYIN_TAB),
  fc.record({ id: fc.constantFrom(EXT_ID, 'other-extension'), url: fc.webUrl(), tab: fc.option(fc.record({ id: fc.nat() }), { nil: undefined }) }),
  fc.anything(),
);

describe('messages', () => {
  it('random messages from random senders never throw and never change stored state', async () => {
    await boot();
    await send(pageRead([order('A1', 20 * HOUR_MS)]), DOUYIN_TAB);
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(hostileMessage, anySender, async (message, sender) => {
        // A well-formed reading from the page's own content script is not hostile: skip it.
        fc.pre(!(sender === DOUYIN_TAB && IncomingMessageSchema.safeParse(message).success));
        const reply = await send(message, sender as never);
        // Either ignored (foreign sender) or an explicit refusal; a valid message would be a reading.
        if (reply !== undefined) expect(reply).toMatchObject({ ok: false });
        expect(await stored()).toEqual(before);
      }),
      { numRuns: RUNS, ...SEED },
    );
    // …and the worker still works afterwards.
    const reply = (await send(pageRead([order('A2', 20 * MINUTE_MS)]), DOUYIN_TAB)) as { ok: boolean };
    expect(reply.ok).toBe(true);
    expect(orderIds(await popup())).toEqual(['A1', 'A2']);
  });
});

describe('storage', () => {
  const good = Object.fromEntries(['G1', 'G2', 'G3'].map((id) => [`douyin:${id}`, order(id, 20 * HOUR_MS)]));

  it('random damage to stored orders: the good ones survive, the bad ones are reported and removed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }).map((k) => `douyin:Z${k}`),
          fc.anything().filter((v) => v !== undefined), // storage drops undefined values
          { maxKeys: 5 },
        ), async (junk) => {
        fakeBrowser.reset();
        vi.setSystemTime(NOW);
        const damaged = Object.keys(junk);
        await fakeBrowser.storage.local.set({ ...perOrderKey({ ...good, ...junk }), orders$: { v: 3 } });
        await boot();
        const state = await popup();
        expect(orderIds(state)).toEqual(['G1', 'G2', 'G3']);
        const kept = Object.keys(await storedOrders()).sort();
        expect(kept).toEqual(Object.keys(good).sort());
        if (damaged.length) expect(state.problems.corrupted?.count).toBe(damaged.length);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it.each<[string, unknown]>([
    ['a version from a newer extension', { v: 99 }],
    ['a version that is not a number', { v: 'two' }],
    ['metadata of the wrong shape', 'v2'],
  ])('orders stored with %s do not stop the worker', async (_, meta) => {
    await fakeBrowser.storage.local.set({ ...perOrderKey(good), orders$: meta } as Record<string, unknown>);
    await boot();
    const reply = (await send(pageRead([order('A1', 20 * MINUTE_MS)]), DOUYIN_TAB)) as { ok: boolean };
    expect(reply.ok).toBe(true);
    expect(orderIds(await popup())).toContain('A1');
  });

  it('random damage to every other stored value: the worker starts and the orders survive', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ settings: fc.anything(), readHealth: fc.anything(), notified: fc.anything(), marks: fc.anything(), problems: fc.anything() }, { requiredKeys: [] }),
        async (junk) => {
          fakeBrowser.reset();
          vi.setSystemTime(NOW);
          await fakeBrowser.storage.local.set({ ...perOrderKey(good), orders$: { v: 3 }, ...junk });
          await boot();
          expect(orderIds(await popup())).toEqual(['G1', 'G2', 'G3']);
        },
      ),
      { numRuns: RUNS, ...SEED },
    );
  });
});

describe('the system clock jumps', () => {
  it('forward past a deadline: the next event re-evaluates at the new time, and the alarm follows', async () => {
    await boot();
    await send(pageRead([order('A1', 5 * HOUR_MS), order('A2', 40 * HOUR_MS)]), DOUYIN_TAB);
    expect(shipState(await popup(), 'A1')).toBe('due-soon');

    vi.setSystemTime(NOW + 10 * HOUR_MS); // e.g. the laptop slept, or the clock was corrected
    const state = await popup();
    expect(shipState(state, 'A1')).toBe('breached');
    expect(shipState(state, 'A2')).toBe('running');
    expect(state.items.find((i) => i.orderId === 'A2' && i.ruleId === 'douyin.ship')?.timeLeftMs).toBe(30 * HOUR_MS);
    const wake = await wakeAlarmAt();
    expect(wake).toBeGreaterThan(NOW + 10 * HOUR_MS);
  });

  it('backward: clocks run again from the earlier time, nothing is notified twice, the alarm is not in the past', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await boot();
    await send(pageRead([order('A1', 20 * MINUTE_MS)]), DOUYIN_TAB);
    expect(create).toHaveBeenCalledTimes(1); // critical

    vi.setSystemTime(NOW - 3 * HOUR_MS);
    const state = await popup();
    expect(shipState(state, 'A1')).toBe('due-soon');
    expect(state.items.find((i) => i.orderId === 'A1' && i.ruleId === 'douyin.ship')?.timeLeftMs).toBe(3 * HOUR_MS + 20 * MINUTE_MS);
    expect(await wakeAlarmAt()).toBeGreaterThan(NOW - 3 * HOUR_MS);

    vi.setSystemTime(NOW); // back to the present: critical again, but already notified
    await popup();
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe('the computer’s time zone', () => {
  it('the worker gives the same verdicts, badge and alarm in every zone', async () => {
    const run = async () => {
      fakeBrowser.reset();
      vi.setSystemTime(NOW);
      await boot();
      await send(pageRead([order('A1', 20 * MINUTE_MS), order('A2', 9 * HOUR_MS), order('A3', 40 * HOUR_MS)]), DOUYIN_TAB);
      return { items: (await popup()).items, badge: await fakeBrowser.action.getBadgeText({}), wake: await wakeAlarmAt() };
    };
    const results = [];
    for (const { zone } of ZONES) results.push(await withZone(zone, run));
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    expect(results[0]!.items.length).toBeGreaterThan(0);
  });
});
