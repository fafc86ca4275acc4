import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/policies/catalog';
import { criticalMs, dueSoonMs, evaluate } from '@/policies/engine';
import type { Order, OrderInput } from '@/policies/order';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import { cst, DAY, HOUR, MIN, mustVerdict, order, verdictOf } from './helpers';

/**
 * Every per-order rule through the same battery: inside the window, the due-soon and critical
 * edges, exactly at the deadline, one minute after, satisfied in time and late, a missing
 * timestamp, an approved filing.
 */

const T = cst('2024-06-03 10:00');
const thresholds = DEFAULT_ENGINE_SETTINGS.thresholds;

interface Scenario {
  ruleId: string;
  /** The window the rule gives, from `T`. */
  windowMs: number;
  /** The order with its clock started at T, satisfied at `done` when given. */
  build: (done?: number) => Order;
  /** An order whose progress shows the clock started but whose start time is missing. */
  missing?: { order: Order; fields: string[] };
  /** An order that moved past the clock's step without the page printing when it happened. */
  untimed?: { order: Order; fields: string[] };
  /** Filing shape: timeline clocks are covered by default, case clocks by rule id. */
  caseRule?: boolean;
}

const shipped = { paidAt: T - 2 * HOUR, shippedAt: T - HOUR } as const;

const timelineScenarios: Scenario[] = [
  {
    ruleId: 'douyin.ship',
    windowMs: 48 * HOUR,
    build: (done) => order({ platform: 'douyin', status: 'awaiting-shipment', timeline: { paidAt: T, shippedAt: done } }),
    missing: { order: order({ platform: 'douyin', status: 'awaiting-shipment' }), fields: ['paidAt', 'shipBy'] },
  },
  {
    ruleId: 'douyin.same-day',
    // Paid 10:00 China time, before the 16:00 cutoff: ship by the end of the day.
    windowMs: 14 * HOUR,
    build: (done) =>
      order({ platform: 'douyin', services: ['same-day-ship'], timeline: { paidAt: T, shippedAt: done } }),
    missing: {
      order: order({ platform: 'douyin', status: 'awaiting-shipment', services: ['same-day-ship'] }),
      fields: ['paidAt', 'shipBy'],
    },
  },
  {
    ruleId: 'douyin.ship-24h',
    windowMs: 24 * HOUR,
    build: (done) => order({ platform: 'douyin', services: ['ship-24h'], timeline: { paidAt: T, shippedAt: done } }),
    missing: {
      order: order({ platform: 'douyin', status: 'awaiting-shipment', services: ['ship-24h'] }),
      fields: ['paidAt', 'shipBy'],
    },
  },
  {
    ruleId: 'douyin.pickup',
    windowMs: 24 * HOUR,
    build: (done) =>
      order({ platform: 'douyin', status: 'shipped', timeline: { paidAt: T - HOUR, shippedAt: T, pickupScanAt: done } }),
    missing: { order: order({ platform: 'douyin', status: 'shipped', timeline: { paidAt: T } }), fields: ['shippedAt'] },
    untimed: { order: order({ platform: 'douyin', status: 'received', timeline: { paidAt: T - HOUR, shippedAt: T } }), fields: ['pickupScanAt'] },
  },
  {
    ruleId: 'douyin.hub',
    windowMs: 24 * HOUR,
    build: (done) =>
      order({ platform: 'douyin', status: 'shipped', timeline: { ...shipped, pickupScanAt: T, firstHubAt: done } }),
    missing: {
      order: order({ platform: 'douyin', status: 'shipped', timeline: { ...shipped, lastTrackingAt: T } }),
      fields: ['pickupScanAt'],
    },
    untimed: {
      order: order({ platform: 'douyin', status: 'received', timeline: { ...shipped, pickupScanAt: T } }),
      fields: ['firstHubAt'],
    },
  },
  {
    ruleId: 'douyin.tracking-update',
    windowMs: 48 * HOUR,
    build: (done) =>
      order({
        platform: 'douyin',
        status: 'shipped',
        timeline: { ...shipped, pickupScanAt: T - 30 * MIN, lastTrackingAt: T, receivedAt: done },
      }),
    untimed: {
      order: order({ platform: 'douyin', status: 'received', timeline: { ...shipped, lastTrackingAt: T } }),
      fields: ['receivedAt'],
    },
  },
  {
    ruleId: 'kuaishou.ship',
    windowMs: 48 * HOUR,
    build: (done) => order({ platform: 'kuaishou', timeline: { paidAt: T, shippedAt: done } }),
    missing: { order: order({ platform: 'kuaishou', status: 'awaiting-shipment' }), fields: ['paidAt', 'shipBy'] },
  },
  {
    ruleId: 'kuaishou.pet-delivery-7d',
    windowMs: 7 * DAY,
    build: (done) => order({ platform: 'kuaishou', categories: ['pets-live'], timeline: { paidAt: T, receivedAt: done } }),
    missing: {
      order: order({ platform: 'kuaishou', categories: ['pets-live'], status: 'shipped', timeline: { shippedAt: T } }),
      fields: ['paidAt'],
    },
  },
  {
    ruleId: 'kuaishou.tracking-stall',
    windowMs: 96 * HOUR,
    build: (done) =>
      order({
        platform: 'kuaishou',
        categories: ['pets-live'],
        timeline: { ...shipped, pickupScanAt: T - 30 * MIN, lastTrackingAt: T, receivedAt: done },
      }),
    untimed: {
      order: order({
        platform: 'kuaishou',
        categories: ['pets-live'],
        status: 'completed',
        timeline: { ...shipped, lastTrackingAt: T },
      }),
      fields: ['receivedAt'],
    },
  },
  {
    ruleId: '1688.ship',
    windowMs: 48 * HOUR,
    build: (done) => order({ platform: 'alibaba1688', timeline: { paidAt: T, shippedAt: done } }),
    missing: { order: order({ platform: 'alibaba1688', status: 'awaiting-shipment' }), fields: ['paidAt', 'shipBy'] },
  },
  {
    ruleId: '1688.pickup',
    windowMs: 24 * HOUR,
    build: (done) =>
      order({ platform: 'alibaba1688', status: 'shipped', timeline: { paidAt: T - HOUR, shippedAt: T, pickupScanAt: done } }),
    missing: { order: order({ platform: 'alibaba1688', status: 'shipped', timeline: { paidAt: T } }), fields: ['shippedAt'] },
  },
  {
    ruleId: 'tmall.ship',
    windowMs: 48 * HOUR,
    build: (done) => order({ platform: 'tmallGlobal', crossBorder: true, timeline: { paidAt: T, shippedAt: done } }),
    missing: { order: order({ platform: 'tmallGlobal', status: 'awaiting-shipment' }), fields: ['paidAt', 'shipBy'] },
  },
];

function claim(platform: OrderInput['platform'], kind: 'refund-only' | 'allergy-claim' | 'diaper-rash-claim') {
  return (done?: number) =>
    order({
      platform,
      status: 'received',
      timeline: { ...shipped, receivedAt: T - 30 * MIN },
      afterSales: [{ id: 'AS1', kind, requestedAt: T, handledAt: done }],
    });
}
/** A case whose start time is garbage (the schema would reject it; the engine must not guess). */
function garbledCase(platform: OrderInput['platform'], list: 'afterSales' | 'serviceTickets' | 'buyerMessages', kind?: string) {
  const o = order({ platform });
  return { ...o, [list]: [{ id: 'X1', kind, requestedAt: 'soon', openedAt: 'soon', receivedAt: 'soon' }] } as Order;
}

const caseScenarios: Scenario[] = [
  {
    ruleId: 'douyin.after-sales',
    windowMs: 48 * HOUR,
    build: claim('douyin', 'refund-only'),
    missing: { order: garbledCase('douyin', 'afterSales', 'refund-only'), fields: ['afterSales.requestedAt'] },
    caseRule: true,
  },
  {
    ruleId: 'douyin.service-ticket',
    windowMs: 24 * HOUR,
    build: (done) => order({ platform: 'douyin', serviceTickets: [{ id: 'TK1', openedAt: T, repliedAt: done }] }),
    missing: { order: garbledCase('douyin', 'serviceTickets'), fields: ['serviceTickets.openedAt'] },
    caseRule: true,
  },
  {
    ruleId: '1688.reply-3min',
    windowMs: 3 * MIN,
    build: (done) => order({ platform: 'alibaba1688', buyerMessages: [{ receivedAt: T, repliedAt: done }] }),
    missing: { order: garbledCase('alibaba1688', 'buyerMessages'), fields: ['buyerMessages.receivedAt'] },
    caseRule: true,
  },
  {
    ruleId: 'tmall.allergy-return',
    windowMs: 48 * HOUR,
    build: claim('tmallGlobal', 'allergy-claim'),
    missing: { order: garbledCase('tmallGlobal', 'afterSales', 'allergy-claim'), fields: ['afterSales.requestedAt'] },
    caseRule: true,
  },
  {
    ruleId: 'tmall.diaper-rash',
    windowMs: 48 * HOUR,
    build: claim('tmallGlobal', 'diaper-rash-claim'),
    missing: { order: garbledCase('tmallGlobal', 'afterSales', 'diaper-rash-claim'), fields: ['afterSales.requestedAt'] },
    caseRule: true,
  },
];

describe.each([...timelineScenarios, ...caseScenarios])('$ruleId', (s) => {
  const deadline = T + s.windowMs;
  const dueSoon = dueSoonMs(s.windowMs, thresholds);
  const critical = criticalMs(s.windowMs, thresholds);
  const open = s.build();
  const at = (now: number) => mustVerdict(open, s.ruleId, now);

  it('runs inside the window, with the rule deadline and window', () => {
    const v = at(T + MIN);
    expect(v.state).toBe('running');
    expect(v.deadline).toBe(deadline);
    expect(v.windowMs).toBe(s.windowMs);
    expect(v.timeLeftMs).toBe(s.windowMs - MIN);
    expect(v.deadlineSource).toBe('rule');
    expect(v.informational).toBe(false);
  });

  it('turns due-soon exactly at its threshold, critical at its own', () => {
    expect(critical).toBeGreaterThan(0);
    expect(critical).toBeLessThan(dueSoon);
    expect(dueSoon).toBeLessThan(s.windowMs);
    expect(at(Math.floor(deadline - dueSoon) - 1).state).toBe('running');
    expect(at(Math.ceil(deadline - dueSoon)).state).toBe('due-soon');
    expect(at(Math.floor(deadline - critical) - 1).state).toBe('due-soon');
    expect(at(Math.ceil(deadline - critical)).state).toBe('critical');
  });

  it('is critical with no time left exactly at the deadline, breached one minute after', () => {
    expect(at(deadline)).toMatchObject({ state: 'critical', timeLeftMs: 0 });
    expect(at(deadline + MIN)).toMatchObject({ state: 'breached', timeLeftMs: -MIN });
  });

  it('is met when satisfied in time (even at the last millisecond), met-late after', () => {
    expect(mustVerdict(s.build(T + s.windowMs / 2), s.ruleId, deadline + DAY).state).toBe('met');
    expect(mustVerdict(s.build(deadline), s.ruleId, deadline + DAY).state).toBe('met');
    const late = mustVerdict(s.build(deadline + MIN), s.ruleId, deadline + DAY);
    expect(late.state).toBe('met-late');
    expect(late.timeLeftMs).toBeUndefined();
  });

  it.skipIf(!s.missing)('is unknown, naming the missing timestamp, when its start cannot be read', () => {
    const v = mustVerdict(s.missing!.order, s.ruleId, T);
    expect(v.state).toBe('unknown');
    expect(v.missing).toEqual(s.missing!.fields);
    expect(v.deadline).toBeUndefined();
  });

  it('is exempt under an approved waiver, moved by an approved new deadline', () => {
    const filing = (extra: object) => ({
      ...open,
      filings: [{ kind: 'weather', approvedAt: T, ruleIds: s.caseRule ? [s.ruleId] : [], waived: false, ...extra }],
    }) as Order;
    expect(mustVerdict(filing({ waived: true }), s.ruleId, deadline + HOUR).state).toBe('exempt');
    const moved = mustVerdict(filing({ newDeadline: deadline + DAY }), s.ruleId, deadline + HOUR);
    expect(moved).toMatchObject({ deadline: deadline + DAY, deadlineSource: 'filing', timeLeftMs: DAY - HOUR });
    expect(['running', 'due-soon']).toContain(moved.state);
    // A clock met in time stays met under a waiver; one met late is excused.
    const waivedDone = (done: number) =>
      ({ ...s.build(done), filings: [{ kind: 'weather', approvedAt: T, ruleIds: s.caseRule ? [s.ruleId] : [], waived: true }] }) as Order;
    expect(mustVerdict(waivedDone(T + MIN), s.ruleId, deadline + HOUR).state).toBe('met');
    expect(mustVerdict(waivedDone(deadline + MIN), s.ruleId, deadline + HOUR).state).toBe('exempt');
    // A filing for another rule changes nothing.
    const other = { ...open, filings: [{ kind: 'weather', approvedAt: T, ruleIds: ['other.rule'], waived: true }] } as Order;
    expect(mustVerdict(other, s.ruleId, deadline + HOUR).state).toBe('breached');
  });
});

describe('platform-shown deadlines win', () => {
  it.each(['douyin.ship', 'kuaishou.ship', '1688.ship', 'tmall.ship', 'douyin.same-day', 'douyin.ship-24h'])(
    '%s uses shipBy when the page shows it',
    (ruleId) => {
      const platform = ruleId.startsWith('douyin')
        ? 'douyin'
        : ruleId.startsWith('kuaishou')
          ? 'kuaishou'
          : ruleId.startsWith('1688')
            ? 'alibaba1688'
            : 'tmallGlobal';
      const shipBy = T + 30 * HOUR;
      const o = order({ platform, services: ['same-day-ship', 'ship-24h'], timeline: { paidAt: T, shipBy } });
      expect(mustVerdict(o, ruleId, T + HOUR)).toMatchObject({
        deadline: shipBy,
        deadlineSource: 'platform',
        windowMs: 30 * HOUR,
      });
      // …also when the payment time is missing.
      const bare = order({ platform, services: ['same-day-ship', 'ship-24h'], timeline: { shipBy } });
      expect(mustVerdict(bare, ruleId, T + HOUR)).toMatchObject({ state: 'running', deadline: shipBy });
    },
  );

  it('the after-sales step deadline shown by Douyin beats the fallback window', () => {
    const shown = T + 5 * HOUR;
    const o = order({ platform: 'douyin', afterSales: [{ id: 'AS1', kind: 'exchange', requestedAt: T, deadline: shown }] });
    expect(mustVerdict(o, 'douyin.after-sales', T + HOUR)).toMatchObject({
      deadline: shown,
      deadlineSource: 'platform',
      subjectId: 'AS1',
    });
  });
});

describe('same-day cutoff (China calendar day)', () => {
  const sameDay = (paidAt: number) =>
    order({ platform: 'douyin', services: ['same-day-ship'], timeline: { paidAt } });
  it.each([
    ['2024-06-03 00:00', '2024-06-04 00:00'],
    ['2024-06-03 15:59', '2024-06-04 00:00'],
    ['2024-06-03 16:00', '2024-06-05 00:00'],
    ['2024-06-03 23:59', '2024-06-05 00:00'],
    // 16:00 UTC is midnight in China: a new China day.
    ['2024-06-04 00:00', '2024-06-05 00:00'],
  ])('paid %s → ship by %s', (paid, by) => {
    expect(mustVerdict(sameDay(cst(paid)), 'douyin.same-day', cst(paid)).deadline).toBe(cst(by));
  });

  it('takes the cutoff hour from the settings', () => {
    const s = { ...DEFAULT_ENGINE_SETTINGS, ruleParams: { 'douyin.sameDayCutoffHour': 12 } };
    expect(mustVerdict(sameDay(cst('2024-06-03 13:00')), 'douyin.same-day', T, s).deadline).toBe(cst('2024-06-05 00:00'));
  });

  it('applies to every order when the shop promises same-day shipping', () => {
    const o = order({ platform: 'douyin', timeline: { paidAt: T } });
    expect(verdictOf(o, 'douyin.same-day', T)).toBeUndefined();
    const s = { ...DEFAULT_ENGINE_SETTINGS, shopPromises: { sameDayShip: true, ship24h: false } };
    expect(mustVerdict(o, 'douyin.same-day', T, s).deadline).toBe(cst('2024-06-04 00:00'));
  });
});

describe.each(timelineScenarios.flatMap((s) => (s.untimed ? [{ ruleId: s.ruleId, ...s.untimed }] : [])))(
  '$ruleId past its step',
  (u) => {
    it('is done-untimed, naming the unprinted time, never at risk however late', () => {
      const v = mustVerdict(u.order, u.ruleId, T + 30 * DAY);
      expect(v).toMatchObject({ state: 'done-untimed', missing: u.fields });
      expect(v.deadline).toBeUndefined();
      expect(v.moneyAtRiskYuan).toBeUndefined();
    });
  },
);

describe('applicability', () => {
  it('Douyin pickup scan does not apply to 全球购 cross-border orders', () => {
    const o = (crossBorder: boolean) =>
      order({ platform: 'douyin', crossBorder, status: 'shipped', timeline: { paidAt: T - HOUR, shippedAt: T } });
    expect(verdictOf(o(false), 'douyin.pickup', T)?.state).toBe('running');
    expect(verdictOf(o(true), 'douyin.pickup', T)).toBeUndefined();
  });

  it('pet rules only apply to live pets; other platforms never get another platform’s rules', () => {
    const food = order({ platform: 'kuaishou', categories: ['food'], timeline: { paidAt: T } });
    const ids = evaluate([food], CATALOG, T).map((v) => v.ruleId);
    expect(ids).toEqual(['kuaishou.ship']);
  });

  it('clocks that have not started yet produce nothing; cancelled orders are not applicable', () => {
    const waiting = order({ platform: 'douyin', status: 'awaiting-shipment', timeline: { paidAt: T } });
    expect(verdictOf(waiting, 'douyin.pickup', T)).toBeUndefined();
    const cancelled = order({ platform: 'douyin', status: 'cancelled', timeline: { paidAt: T } });
    expect(mustVerdict(cancelled, 'douyin.ship', T).state).toBe('not-applicable');
  });

  it('a received order without a ship time is done with its time not shown, not a breach', () => {
    const o = order({ platform: 'douyin', status: 'received', timeline: { paidAt: T, receivedAt: T + DAY } });
    expect(mustVerdict(o, 'douyin.ship', T + 5 * DAY)).toMatchObject({ state: 'done-untimed', missing: ['shippedAt'] });
  });
});

describe('case clocks', () => {
  it('report the open case with the earliest deadline, with its id', () => {
    const o = order({
      platform: 'douyin',
      afterSales: [
        { id: 'late', kind: 'refund-only', requestedAt: T, deadline: T + 40 * HOUR },
        { id: 'soon', kind: 'refund-only', requestedAt: T, deadline: T + 3 * HOUR },
        { id: 'done', kind: 'refund-only', requestedAt: T - DAY, handledAt: T - HOUR },
        { id: 'buyer', kind: 'refund-only', requestedAt: T - DAY, awaitingMerchant: false },
      ],
    });
    const vs = evaluate([o], CATALOG, T + HOUR).filter((v) => v.ruleId === 'douyin.after-sales');
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ subjectId: 'soon', timeLeftMs: 2 * HOUR });
  });

  it('a case waiting on the buyer is not the merchant’s clock', () => {
    const o = order({
      platform: 'douyin',
      afterSales: [{ id: 'b', kind: 'return-refund', requestedAt: T - 5 * DAY, awaitingMerchant: false }],
    });
    expect(verdictOf(o, 'douyin.after-sales', T)).toBeUndefined();
  });

  it('Tmall allergy resolution only counts allergy claims', () => {
    const o = order({
      platform: 'tmallGlobal',
      afterSales: [{ id: 'r', kind: 'refund-only', requestedAt: T }],
    });
    expect(verdictOf(o, 'tmall.allergy-return', T)).toBeUndefined();
  });

  it('the 3-minute reply rule starts on 2024-03-25 (China time)', () => {
    const msg = (receivedAt: number) => order({ platform: 'alibaba1688', buyerMessages: [{ receivedAt }] });
    expect(verdictOf(msg(cst('2024-03-24 23:59')), '1688.reply-3min', cst('2024-03-25 00:00'))).toBeUndefined();
    expect(mustVerdict(msg(cst('2024-03-25 00:00')), '1688.reply-3min', cst('2024-03-25 00:01'))).toMatchObject({
      versionId: '1688.reply-3min@2024-03-25',
      subjectId: '#1',
    });
  });
});

describe('buyer windows are information, never a merchant breach', () => {
  const received = T;
  it.each([
    ['douyin.return-7d', 'douyin', 'seven-day-return', 7 * DAY],
    ['douyin.fresh-spoilage', 'douyin', 'fresh-spoilage', 24 * HOUR],
    ['douyin.cosmetics-allergy', 'douyin', 'cosmetics-allergy', 60 * DAY],
    ['tmall.allergy-window', 'tmallGlobal', 'cosmetics-allergy', 60 * DAY],
    ['tmall.diaper-rash-window', 'tmallGlobal', 'diaper-rash', 60 * DAY],
    ['tmall.damage-return', 'tmallGlobal', 'damage-return', 72 * HOUR],
  ] as const)('%s: open for the window after receipt, then over', (ruleId, platform, service, windowMs) => {
    const o = order({ platform, services: [service], status: 'received', timeline: { ...shipped, receivedAt: received } });
    const open = mustVerdict(o, ruleId, received + windowMs - MIN);
    expect(open).toMatchObject({ state: 'running', informational: true, clock: 'buyer-window', timeLeftMs: MIN });
    expect(mustVerdict(o, ruleId, received + windowMs).state).toBe('running');
    const closed = mustVerdict(o, ruleId, received + windowMs + MIN);
    expect(closed.state).toBe('met');
    // Before receipt, or when the page does not show the receipt time, there is nothing to show
    // (a buyer window is never "unreadable" over a merchant clock).
    const before = order({ platform, services: [service], status: 'shipped', timeline: shipped });
    expect(verdictOf(before, ruleId, received)).toBeUndefined();
    const unseen = order({ platform, services: [service], status: 'received', timeline: shipped });
    expect(verdictOf(unseen, ruleId, received)).toBeUndefined();
  });
});
