import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';

/** A list of conditions (the engine exports no name for it). */
type Conditions = Extract<TopLevelCondition, { all: unknown }>['all'];
import type { Order } from '@/policies/order';
import type { Platform } from '@/policies/platforms';
import type { Thresholds } from '@/policies/settings';

/**
 * The peer: the shipping, pickup, first-hub and after-sales rules written for json-rules-engine,
 * the generic JavaScript rules engine, as faithfully as it allows. What it cannot say in JSON:
 * - date arithmetic: conditions compare a fact with a constant or another fact, so "now − shippedAt"
 *   and "deadline − now" are dynamic facts (JS callbacks) the JSON conditions then compare;
 * - "the platform's displayed deadline wins when present": two alternative branches (`any`);
 * - a per-order threshold (critical = time left ≤ max(10 % of the order's own window, 30 min)) for a
 *   displayed deadline: another dynamic fact, compared fact-to-fact;
 * - approved filings (waive / move the deadline): a dynamic fact that scans the filings array;
 * - clocks over a list (after-sales cases): one engine run per case, as the engine has no "for each".
 * Outcomes are events: `breached` or `critical`, one per order × rule (× case).
 */

export type TimelineField = keyof Order['timeline'];

/** One clock as the peer knows it; mirrors a rule of the catalog (same id). */
export interface PeerClock {
  ruleId: string;
  platform: Platform;
  /** The event the window runs from. */
  start: TimelineField;
  /** The event that satisfies the clock. */
  done: TimelineField;
  windowMs: number;
  /** The platform's own displayed deadline, which wins when present. */
  displayed?: TimelineField;
  domesticOnly?: boolean;
  /** Only orders whose status is one of these (e.g. not cancelled). */
  statuses?: NonNullable<Order['status']>[];
}

export interface PeerAfterSalesClock {
  ruleId: string;
  platform: Platform;
  windowMs: number;
}

export interface PeerDecision {
  orderId: string;
  ruleId: string;
  subjectId?: string;
  state: 'breached' | 'critical';
}

const minutes = (m: number) => m * 60_000;

function margin(windowMs: number, t: Thresholds): number {
  return Math.max(t.criticalFraction * windowMs, minutes(t.criticalFloorMinutes));
}

const at = (field: string) => `$.timeline.${field}`;

/** Conditions shared by the breached and critical rules of one clock. */
function clockBase(c: PeerClock): Conditions {
  return [
    { fact: 'order', path: '$.platform', operator: 'equal', value: c.platform, priority: 3 },
    ...(c.domesticOnly ? [{ fact: 'order', path: '$.crossBorder', operator: 'equal', value: false, priority: 2 }] : []),
    ...(c.statuses ? [{ fact: 'order', path: '$.status', operator: 'in', value: c.statuses, priority: 2 }] : []),
    { fact: 'order', path: at(c.start), operator: 'present', value: true, priority: 2 },
    { fact: 'order', path: at(c.done), operator: 'present', value: false, priority: 2 },
    { fact: 'filing', params: { ruleId: c.ruleId }, operator: 'equal', value: 'none' },
  ];
}

function clockRules(c: PeerClock, t: Thresholds): RuleProperties[] {
  const since = { fact: 'elapsedMs', params: { since: at(c.start) } };
  const computed = (cond: Conditions): Conditions =>
    c.displayed
      ? [{ all: [{ fact: 'order', path: at(c.displayed), operator: 'present', value: false }, ...cond] }]
      : [{ all: cond }];
  const shown = c.displayed ? { fact: 'remainingMs', params: { until: at(c.displayed) } } : undefined;
  const m = margin(c.windowMs, t);
  const breached: Conditions = [
    ...computed([{ ...since, operator: 'greaterThan', value: c.windowMs }]),
    ...(shown ? [{ all: [{ ...shown, operator: 'lessThan', value: 0 }] }] : []),
  ];
  const critical: Conditions = [
    ...computed([
      { ...since, operator: 'greaterThanInclusive', value: c.windowMs - m },
      { ...since, operator: 'lessThanInclusive', value: c.windowMs },
    ]),
    ...(shown
      ? [
          {
            all: [
              { ...shown, operator: 'greaterThanInclusive', value: 0 },
              {
                ...shown,
                operator: 'lessThanInclusive',
                value: { fact: 'criticalMarginMs', params: { from: at(c.start), to: at(c.displayed!) } },
              },
            ],
          },
        ]
      : []),
  ];
  return [
    { name: `${c.ruleId}:breached`, conditions: { all: [...clockBase(c), { any: breached }] }, event: { type: 'breached', params: { ruleId: c.ruleId } } },
    { name: `${c.ruleId}:critical`, conditions: { all: [...clockBase(c), { any: critical }] }, event: { type: 'critical', params: { ruleId: c.ruleId } } },
  ];
}

function afterSalesRules(c: PeerAfterSalesClock, t: Thresholds): RuleProperties[] {
  const base = [
    { fact: 'platform', operator: 'equal', value: c.platform, priority: 3 },
    { fact: 'case', path: '$.awaitingMerchant', operator: 'equal', value: true, priority: 2 },
    { fact: 'case', path: '$.handledAt', operator: 'present', value: false, priority: 2 },
  ];
  const computed = [{ fact: 'case', path: '$.deadline', operator: 'present', value: false }];
  const shownLeft = { fact: 'caseRemainingMs' };
  const since = { fact: 'caseElapsedMs' };
  const m = margin(c.windowMs, t);
  return [
    {
      name: `${c.ruleId}:breached`,
      conditions: {
        all: [
          ...base,
          {
            any: [
              { all: [...computed, { ...since, operator: 'greaterThan', value: c.windowMs }] },
              { all: [{ ...shownLeft, operator: 'lessThan', value: 0 }] },
            ],
          },
        ],
      },
      event: { type: 'breached', params: { ruleId: c.ruleId } },
    },
    {
      name: `${c.ruleId}:critical`,
      conditions: {
        all: [
          ...base,
          {
            any: [
              {
                all: [
                  ...computed,
                  { ...since, operator: 'greaterThanInclusive', value: c.windowMs - m },
                  { ...since, operator: 'lessThanInclusive', value: c.windowMs },
                ],
              },
              {
                all: [
                  { ...shownLeft, operator: 'greaterThanInclusive', value: 0 },
                  { ...shownLeft, operator: 'lessThanInclusive', value: { fact: 'caseCriticalMarginMs' } },
                ],
              },
            ],
          },
        ],
      },
      event: { type: 'critical', params: { ruleId: c.ruleId } },
    },
  ];
}

const present = (v: unknown, want: boolean) => (v !== undefined && v !== null) === want;

/**
 * The engine's tuning knobs, used as its documentation suggests, so the comparison is fair: a plain
 * property-path resolver instead of JSONPath, and condition priorities so cheap checks (platform,
 * presence) short-circuit before the dynamic facts run.
 */
const ENGINE_OPTIONS = {
  allowUndefinedFacts: true,
  pathResolver: (value: object, path: string) =>
    path
      .slice(2)
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], value),
};

/** A ready-to-run peer: call `decide(orders, now)` for the breached/critical decisions. */
export function createPeer(clocks: PeerClock[], afterSales: PeerAfterSalesClock[], thresholds: Thresholds) {
  const orderEngine = new Engine(clocks.flatMap((c) => clockRules(c, thresholds)), ENGINE_OPTIONS);
  const caseEngine = new Engine(afterSales.flatMap((c) => afterSalesRules(c, thresholds)), ENGINE_OPTIONS);
  for (const engine of [orderEngine, caseEngine]) engine.addOperator('present', present);

  // Derived facts: the date arithmetic JSON conditions cannot express.
  orderEngine.addFact('elapsedMs', async (params, almanac) => {
    const [now, start] = await Promise.all([
      almanac.factValue<number>('now'),
      almanac.factValue<number>('order', {}, params.since as string),
    ]);
    return now - start;
  });
  orderEngine.addFact('remainingMs', async (params, almanac) => {
    const [now, end] = await Promise.all([
      almanac.factValue<number>('now'),
      almanac.factValue<number | undefined>('order', {}, params.until as string),
    ]);
    return end === undefined ? undefined : end - now;
  });
  orderEngine.addFact('criticalMarginMs', async (params, almanac) => {
    const [from, to] = await Promise.all([
      almanac.factValue<number>('order', {}, params.from as string),
      almanac.factValue<number>('order', {}, params.to as string),
    ]);
    return margin(to - from, thresholds);
  });
  orderEngine.addFact('filing', async (params, almanac) => {
    const order = await almanac.factValue<Order>('order');
    const f = order.filings.find((x) => x.ruleIds.length === 0 || x.ruleIds.includes(params.ruleId as string));
    return f ? (f.waived ? 'waived' : 'moved') : 'none';
  });
  caseEngine.addFact('caseElapsedMs', async (_p, almanac) => {
    const [now, c] = await Promise.all([almanac.factValue<number>('now'), almanac.factValue<Order['afterSales'][number]>('case')]);
    return now - c.requestedAt;
  });
  caseEngine.addFact('caseRemainingMs', async (_p, almanac) => {
    const [now, c] = await Promise.all([almanac.factValue<number>('now'), almanac.factValue<Order['afterSales'][number]>('case')]);
    return c.deadline === undefined ? undefined : c.deadline - now;
  });
  caseEngine.addFact('caseCriticalMarginMs', async (_p, almanac) => {
    const c = await almanac.factValue<Order['afterSales'][number]>('case');
    return c.deadline === undefined ? undefined : margin(c.deadline - c.requestedAt, thresholds);
  });

  const asPlatforms = new Set(afterSales.map((c) => c.platform));

  return async function decide(orders: readonly Order[], now: number): Promise<PeerDecision[]> {
    const out: PeerDecision[] = [];
    for (const order of orders) {
      const { events } = await orderEngine.run({ order, now });
      for (const e of events) {
        out.push({ orderId: order.orderId, ruleId: e.params!.ruleId as string, state: e.type as PeerDecision['state'] });
      }
      if (!asPlatforms.has(order.platform)) continue;
      for (const c of order.afterSales) {
        const res = await caseEngine.run({ case: c, platform: order.platform, now });
        for (const e of res.events) {
          out.push({ orderId: order.orderId, ruleId: e.params!.ruleId as string, subjectId: c.id, state: e.type as PeerDecision['state'] });
        }
      }
    }
    return out;
  };
}
