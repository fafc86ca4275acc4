import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import type { Order } from '@/policies/order';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import type { ClockState, Verdict } from '@/policies/verdict';
import { cst, DAY, HOUR, order } from './helpers';

/** `evaluate(…, { everyCase: true })`: one verdict per case of a case rule, for case-row badges. */

const T = cst('2024-06-03 10:00');
const every = (orders: readonly Order[], now: number) => evaluate(orders, CATALOG, now, DEFAULT_ENGINE_SETTINGS, { everyCase: true });
const ofRule = (vs: Verdict[], ruleId: string) => vs.filter((v) => v.ruleId === ruleId);

describe('everyCase', () => {
  it('gives each open ticket its own deadline and source; the default keeps the most urgent one', () => {
    const o = order({
      platform: 'douyin',
      serviceTickets: [
        { id: 'later', openedAt: T - HOUR }, // rule window: 24 h from opening
        { id: 'sooner', openedAt: T - 2 * HOUR, deadline: T + 20 * 60_000 },
      ],
    });
    const single = ofRule(evaluate([o], CATALOG, T), 'douyin.service-ticket');
    expect(single.map((v) => v.subjectId)).toEqual(['sooner']);
    const each = ofRule(every([o], T), 'douyin.service-ticket');
    expect(each.map((v) => [v.subjectId, v.state, v.deadline, v.deadlineSource])).toEqual([
      ['later', 'running', T + 23 * HOUR, 'rule'],
      ['sooner', 'critical', T + 20 * 60_000, 'platform'],
    ]);
    expect(each[1]).toEqual(single[0]);
  });

  it('reports handled, unreadable and waiting cases as each would be alone', () => {
    const o = order({
      platform: 'douyin',
      afterSales: [
        { id: 'open', kind: 'refund-only', requestedAt: T - HOUR, deadline: T + 30 * HOUR },
        { id: 'met', kind: 'refund-only', requestedAt: T - DAY, deadline: T - HOUR, handledAt: T - 2 * HOUR },
        { id: 'late', kind: 'refund-only', requestedAt: T - DAY, deadline: T - 3 * HOUR, handledAt: T - 2 * HOUR },
        { id: 'buyer', kind: 'refund-only', requestedAt: T - DAY, awaitingMerchant: false },
      ],
    });
    // An unreadable case (the engine reads untrusted data) is named by its position.
    const raw = { ...o, afterSales: [...o.afterSales, { kind: 'refund-only' }] } as Order;
    const each = ofRule(every([raw], T), 'douyin.after-sales');
    expect(each.map((v) => [v.subjectId, v.state])).toEqual([
      ['open', 'running'],
      ['met', 'met'],
      ['late', 'met-late'],
      ['#5', 'unknown'],
    ]);
    expect(each[3]!.missing).toEqual(['afterSales.requestedAt']);
    expect(ofRule(evaluate([raw], CATALOG, T), 'douyin.after-sales').map((v) => v.subjectId)).toEqual(['open']);
  });

  it('leaves out cases of kinds the rule does not count', () => {
    const o = order({
      platform: 'tmallGlobal',
      afterSales: [
        { id: 'allergy', kind: 'allergy-claim', requestedAt: T - HOUR },
        { id: 'refund', kind: 'refund-only', requestedAt: T - HOUR },
      ],
    });
    expect(ofRule(every([o], T), 'tmall.allergy-return').map((v) => v.subjectId)).toEqual(['allergy']);
    expect(ofRule(every([o], T), 'tmallGlobal.after-sales').map((v) => v.subjectId)).toEqual(['refund']);
  });

  it('applies a waiver to every open case', () => {
    const o = order({
      platform: 'douyin',
      serviceTickets: [
        { id: 'a', openedAt: T - HOUR },
        { id: 'b', openedAt: T - 30 * HOUR },
      ],
      filings: [{ kind: 'outage', approvedAt: T - HOUR, ruleIds: ['douyin.service-ticket'], waived: true }],
    });
    expect(ofRule(every([o], T), 'douyin.service-ticket').map((v) => [v.subjectId, v.state])).toEqual([
      ['a', 'exempt'],
      ['b', 'exempt'],
    ]);
  });
});

// Random orders whose case lists mix open, handled, waiting, unreadable and garbage cases.
const at = fc.integer({ min: -5 * DAY, max: 5 * DAY }).map((d) => T + d);
const maybe = <A>(a: fc.Arbitrary<A>) => fc.option(a, { nil: undefined });
const looseCase = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'x', 7) },
  {
    weight: 9,
    arbitrary: fc.record({
      id: maybe(fc.constantFrom('A', 'B', 'C')),
      kind: fc.constantFrom('refund-only', 'return-refund', 'allergy-claim', 'diaper-rash-claim'),
      requestedAt: maybe(at),
      openedAt: maybe(at),
      receivedAt: maybe(at),
      deadline: maybe(at),
      handledAt: maybe(at),
      repliedAt: maybe(at),
      awaitingMerchant: fc.constantFrom(true, false, undefined),
    }),
  },
);
const looseOrder = (maxCases: number) =>
  fc.record({
    platform: fc.constantFrom('douyin', 'kuaishou', 'alibaba1688', 'tmallGlobal', 'pinduoduo', 'xiaohongshu'),
    orderId: fc.constantFrom('O1', 'O2', 'O3'),
    readAt: fc.constant(T),
    timeline: fc.record({ paidAt: maybe(at) }),
    afterSales: fc.array(looseCase, { maxLength: maxCases }),
    serviceTickets: fc.array(looseCase, { maxLength: maxCases }),
    buyerMessages: fc.array(looseCase, { maxLength: maxCases }),
    filings: fc.array(
      fc.record({
        kind: fc.constant('outage'),
        approvedAt: fc.constant(T - DAY),
        ruleIds: fc.constant([] as string[]),
        newDeadline: maybe(at),
        waived: fc.boolean(),
      }),
      { maxLength: 1 },
    ),
  }) as unknown as fc.Arbitrary<Order>;

const OPEN: ReadonlySet<ClockState> = new Set(['running', 'due-soon', 'critical', 'breached']);
const CASE_RULES: ReadonlySet<string> = new Set(CATALOG.filter((r) => r.spec.type === 'case').map((r) => r.id));
const isCase = (v: Verdict) => CASE_RULES.has(v.ruleId);

describe('everyCase properties', { timeout: 60_000 }, () => {
  it('the default verdict of a case rule is the everyCase verdict of the case it picks', () => {
    fc.assert(
      fc.property(looseOrder(5), fc.integer({ min: -2 * DAY, max: 6 * DAY }), (o, dt) => {
        const now = T + dt;
        const single = evaluate([o], CATALOG, now);
        const each = every([o], now);
        // Timeline rules are untouched, in the same order.
        expect(each.filter((v) => !isCase(v))).toEqual(single.filter((v) => !isCase(v)));
        const rules = new Set(each.filter(isCase).map((v) => v.ruleId));
        expect(new Set(single.filter(isCase).map((v) => v.ruleId))).toEqual(rules);
        for (const ruleId of rules) {
          const picked = ofRule(single, ruleId);
          const cases = ofRule(each, ruleId);
          expect(picked).toHaveLength(1);
          const v = picked[0]!;
          expect(cases).toContainEqual(v);
          // The pick: an open case with the earliest deadline, else an unreadable one, else a handled one.
          const open = cases.filter((c) => OPEN.has(c.state));
          if (OPEN.has(v.state)) for (const c of open) expect(v.deadline!).toBeLessThanOrEqual(c.deadline!);
          if (v.state === 'unknown') expect(open).toEqual([]);
          if (v.state === 'met' || v.state === 'met-late') {
            expect(cases.filter((c) => OPEN.has(c.state) || c.state === 'unknown')).toEqual([]);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('with at most one case per list, everyCase changes nothing', () => {
    fc.assert(
      fc.property(fc.array(looseOrder(1), { maxLength: 6 }), at, (orders, now) => {
        expect(every(orders, now)).toEqual(evaluate(orders, CATALOG, now));
      }),
      { numRuns: 300 },
    );
  });

  it('gives one verdict per counted case', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
        const tickets = Array.from({ length: n }, (_, i) => ({ id: `S${i}`, openedAt: T - i * 60_000 }));
        const vs = ofRule(every([order({ platform: 'douyin', serviceTickets: tickets })], T), 'douyin.service-ticket');
        expect(vs.map((v) => v.subjectId)).toEqual(tickets.map((t) => t.id));
        expect(vs.map((v) => v.deadline)).toEqual(tickets.map((t) => t.openedAt + 24 * HOUR));
      }),
      { numRuns: 20 },
    );
  });
});
