import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/policies/catalog';
import { badgeText } from '@/policies/describe';
import { criticalMs, dueSoonMs, evaluate, nextTransitionAt, summarize } from '@/policies/engine';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import type { Verdict } from '@/policies/verdict';
import { cst, DAY, HOUR, MIN, mustVerdict, order, settingsWith } from './helpers';

describe('1688 shipping: judged by the version in force when the clock started', () => {
  const VERSIONS = ['2022-10-18', '2023-02-21', '2023-06-07', '2023-09-12', '2023-12-27', '2024-03-14', '2025-02-18'];
  const paidAt = (paid: number, subOrderCount = 1) =>
    order({ platform: 'alibaba1688', subOrderCount, status: 'shipped', timeline: { paidAt: paid, shippedAt: paid + 3 * DAY } });
  const paidOn = (wall: string) => paidAt(cst(wall));
  const LATER = cst('2025-06-01 00:00');

  it.each(VERSIONS.map((day, i) => [day, VERSIONS[i - 1]] as const))(
    'paid at 00:00 China time on %s → that version; one minute earlier → the one before',
    (day, previous) => {
      const at = mustVerdict(paidOn(`${day} 00:00`), '1688.ship', LATER);
      expect(at).toMatchObject({ versionId: `1688.ship@${day}`, state: 'met-late' });
      const earlier = mustVerdict(paidAt(cst(`${day} 00:00`) - MIN), '1688.ship', LATER);
      if (previous) expect(earlier.versionId).toBe(`1688.ship@${previous}`);
      else expect(earlier).toMatchObject({ state: 'not-applicable', versionId: '1688.ship@not-in-force' });
    },
  );

  it('puts 50 yuan per main order at risk from 2023-06-07, none before', () => {
    const late = (wall: string) => mustVerdict(paidOn(wall), '1688.ship', LATER);
    expect(late('2023-06-06 23:59').moneyAtRiskYuan).toBeUndefined();
    expect(late('2023-06-07 00:00').moneyAtRiskYuan).toBe(50);
    expect(late('2024-06-07 00:00').moneyAtRiskYuan).toBe(50);
  });

  it('puts 10 yuan per sub-order at risk for a missing pickup scan (fraudulent shipping)', () => {
    const o = order({
      platform: 'alibaba1688',
      subOrderCount: 4,
      status: 'shipped',
      timeline: { paidAt: cst('2024-06-01 09:00'), shippedAt: cst('2024-06-01 10:00') },
    });
    expect(mustVerdict(o, '1688.pickup', cst('2024-06-03 10:00'))).toMatchObject({ state: 'breached', moneyAtRiskYuan: 40 });
  });

  it('later versions take the compensation cap from the settings', () => {
    const s = settingsWith({ ruleParams: { 'alibaba1688.compensationCapYuan': 80 } });
    const v = mustVerdict(paidOn('2024-06-07 00:00'), '1688.ship', LATER, s);
    expect(v.moneyAtRiskYuan).toBe(80);
    // The 2023-06-07 version states 50 itself; the setting does not change it.
    expect(mustVerdict(paidOn('2023-06-07 00:00'), '1688.ship', LATER, s).moneyAtRiskYuan).toBe(50);
  });
});

describe('Kuaishou live-pet delivery', () => {
  const paid = cst('2024-06-01 10:00');
  const pet = (extra: object = {}) =>
    order({ platform: 'kuaishou', categories: ['pets-live'], timeline: { paidAt: paid, shippedAt: paid + DAY }, ...extra });

  it('counts 7 days from payment by default and says so', () => {
    const v = mustVerdict(pet(), 'kuaishou.pet-delivery-7d', paid + 2 * DAY);
    expect(v).toMatchObject({ deadline: paid + 7 * DAY, note: 'counted-from-payment' });
    expect(badgeText(v, 'zh')).toBe('送达 剩 5天（自付款起算）');
    expect(badgeText(v, 'en')).toBe('Delivery 5d left (counted from payment)');
  });

  it('a setting switches the start to shipment', () => {
    const s = settingsWith({ ruleParams: { 'kuaishou.petDeliveryFrom': 1 } });
    expect(mustVerdict(pet(), 'kuaishou.pet-delivery-7d', paid + 2 * DAY, s)).toMatchObject({
      deadline: paid + 8 * DAY,
      note: 'counted-from-shipment',
    });
  });

  it('an agreed period replaces the 7 days', () => {
    expect(mustVerdict(pet({ agreedDeliveryDays: 10 }), 'kuaishou.pet-delivery-7d', paid)).toMatchObject({
      deadline: paid + 10 * DAY,
      note: 'agreed-period',
    });
  });

  it('a tracking stall of 72 h must be explained within the next 24 h', () => {
    const last = cst('2024-06-02 08:00');
    const o = pet({ timeline: { paidAt: paid, shippedAt: paid + HOUR, pickupScanAt: paid + 2 * HOUR, lastTrackingAt: last } });
    expect(mustVerdict(o, 'kuaishou.tracking-stall', last + 71 * HOUR).state).toBe('running');
    // The stall starts at 72 h: exactly when the explanation window (¼ of 96 h) turns due-soon.
    expect(mustVerdict(o, 'kuaishou.tracking-stall', last + 72 * HOUR).state).toBe('due-soon');
    expect(mustVerdict(o, 'kuaishou.tracking-stall', last + 96 * HOUR + MIN).state).toBe('breached');
    // No tracking on the page is "no data", not a misread.
    const quiet = pet();
    expect(evaluate([quiet], CATALOG, paid + 2 * DAY).some((v) => v.ruleId === 'kuaishou.tracking-stall')).toBe(false);
  });

  it('orders before the standard (2022-07-23) are not judged by it', () => {
    const old = order({ platform: 'kuaishou', categories: ['pets-live'], timeline: { paidAt: cst('2022-07-01 10:00') } });
    expect(mustVerdict(old, 'kuaishou.pet-delivery-7d', cst('2022-07-02 10:00')).state).toBe('not-applicable');
  });
});

describe('thresholds', () => {
  const t = DEFAULT_ENGINE_SETTINGS.thresholds;
  it.each([3 * MIN, 20 * MIN, HOUR, 24 * HOUR, 48 * HOUR, 7 * DAY, 60 * DAY])('window %d: 0 < critical < due-soon < window', (w) => {
    expect(criticalMs(w, t)).toBeGreaterThan(0);
    expect(criticalMs(w, t)).toBeLessThan(dueSoonMs(w, t));
    expect(dueSoonMs(w, t)).toBeLessThan(w);
  });

  it('a 3-minute reply clock runs first, then is due soon at 90 s and critical at 45 s', () => {
    expect(dueSoonMs(3 * MIN, t)).toBe(90_000);
    expect(criticalMs(3 * MIN, t)).toBe(45_000);
  });

  it('a 24 h clock: due-soon 6 h before (¼), critical 2.4 h before (10 %)', () => {
    expect(dueSoonMs(24 * HOUR, t)).toBe(6 * HOUR);
    expect(criticalMs(24 * HOUR, t)).toBe(2.4 * HOUR);
  });

  it('follows the settings', () => {
    const s = settingsWith({ thresholds: { dueSoonFraction: 0.5, criticalFraction: 0.2 } }).thresholds;
    expect(dueSoonMs(24 * HOUR, s)).toBe(12 * HOUR);
    expect(criticalMs(24 * HOUR, s)).toBe(4.8 * HOUR);
    // A critical setting above due-soon is clamped so critical stays inside due-soon.
    const odd = settingsWith({ thresholds: { dueSoonFraction: 0.1, criticalFraction: 0.5 } }).thresholds;
    expect(criticalMs(24 * HOUR, odd)).toBe(dueSoonMs(24 * HOUR, odd));
  });
});

describe('summarize and nextTransitionAt', () => {
  const now = cst('2024-06-03 10:00');
  const orders = [
    order({ platform: 'douyin', orderId: 'D1', timeline: { paidAt: now - 47 * HOUR } }), // critical (1 h left)
    order({ platform: 'douyin', orderId: 'D2', timeline: { paidAt: now - HOUR } }), // running
    order({ platform: 'kuaishou', orderId: 'K1', timeline: { paidAt: now - 50 * HOUR } }), // breached
    order({ platform: 'alibaba1688', orderId: 'A1', timeline: { paidAt: now - 40 * HOUR } }), // due-soon
    order({ platform: 'tmallGlobal', orderId: 'M1', timeline: { paidAt: now - DAY, shippedAt: now - HOUR } }), // met
  ];
  const verdicts = evaluate(orders, CATALOG, now);

  it('counts by platform and state and lists the next deadlines in order', () => {
    const s = summarize(verdicts);
    expect(s.total).toBe(5);
    expect(s.byState).toMatchObject({ critical: 1, running: 1, breached: 1, 'due-soon': 1, met: 1 });
    expect(s.byPlatform.douyin).toMatchObject({ critical: 1, running: 1 });
    expect(s.byPlatform.kuaishou?.breached).toBe(1);
    expect(s.next.map((v) => v.orderId)).toEqual(['D1', 'A1', 'D2']);
    expect(summarize(verdicts, 1).next).toHaveLength(1);
  });

  it('finds the earliest instant any verdict changes state, and it is exact', () => {
    const at = nextTransitionAt(verdicts)!;
    // D1 is critical with 1 h left: it breaches just after its deadline; A1 (due-soon, 8 h left)
    // turns critical at 48 h × 10 % = 4.8 h before its deadline. D1 comes first.
    expect(at).toBe(now + HOUR + 1);
    const state = (t: number, id: string) => evaluate(orders, CATALOG, t).find((v) => v.orderId === id)!.state;
    expect(state(at - 1, 'D1')).toBe('critical');
    expect(state(at, 'D1')).toBe('breached');
    const states = (t: number) => evaluate(orders, CATALOG, t).map((v: Verdict) => v.state);
    expect(states(at - 1)).toEqual(states(now));
    expect(states(at)).not.toEqual(states(now));
  });

  it('is undefined when nothing will change on its own', () => {
    expect(nextTransitionAt(verdicts.filter((v) => v.state === 'met' || v.state === 'breached'))).toBeUndefined();
  });
});

describe('robustness', () => {
  const now = cst('2024-06-03 10:00');
  it('yields nothing for a non-finite now or a non-array input, never throws', () => {
    expect(evaluate([order({ platform: 'douyin' })], CATALOG, Number.NaN)).toEqual([]);
    expect(evaluate(null as never, CATALOG, now)).toEqual([]);
  });

  it('reads garbage timestamps as missing, giving unknown verdicts', () => {
    const o = { ...order({ platform: 'douyin', status: 'awaiting-shipment' }), timeline: { paidAt: 'yesterday' } };
    expect(mustVerdict(o as never, 'douyin.ship', now)).toMatchObject({ state: 'unknown', missing: ['paidAt', 'shipBy'] });
  });

  it('treats out-of-range instants as garbage (no overflowing arithmetic)', () => {
    const o = { ...order({ platform: 'douyin', timeline: { paidAt: now } }), filings: [{ waived: [], newDeadline: -3.2e293, ruleIds: 0 }] };
    expect(evaluate([o as never], CATALOG, 1.79e308)).toEqual([]);
    expect(mustVerdict(o as never, 'douyin.ship', now)).toMatchObject({ deadline: now + 48 * HOUR, deadlineSource: 'rule' });
  });

  it('falls back to default settings when settings are garbage', () => {
    const o = order({ platform: 'douyin', timeline: { paidAt: now } });
    const v = evaluate([o], CATALOG, now, { thresholds: 'x' } as never)[0]!;
    expect(v.deadline).toBe(now + 48 * HOUR);
  });

  it('sees settings changed in place between calls', () => {
    const s = settingsWith({});
    const o = order({ platform: 'douyin', timeline: { paidAt: now } });
    expect(mustVerdict(o, 'douyin.ship', now, s).deadline).toBe(now + 48 * HOUR);
    s.ruleParams['douyin.defaultShipHours'] = 24;
    expect(mustVerdict(o, 'douyin.ship', now, s).deadline).toBe(now + 24 * HOUR);
  });

  it('ignores out-of-range setting overrides', () => {
    const s = settingsWith({ ruleParams: { 'douyin.defaultShipHours': -5 } });
    expect(mustVerdict(order({ platform: 'douyin', timeline: { paidAt: now } }), 'douyin.ship', now, s).deadline).toBe(now + 48 * HOUR);
    const ok = settingsWith({ ruleParams: { 'douyin.defaultShipHours': 72 } });
    expect(mustVerdict(order({ platform: 'douyin', timeline: { paidAt: now } }), 'douyin.ship', now, ok).deadline).toBe(now + 72 * HOUR);
  });
});
