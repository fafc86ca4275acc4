import { Engine, type Almanac, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { criticalMs } from '@/policies/engine';
import { EVENT_STAGE, STATUS_STAGE } from '@/policies/engine/compile';
import type { Order } from '@/policies/order';
import { chinaDayInstant, resolveParam, type Catalog, type Rule, type TimelineEvent } from '@/policies/rule';
import type { EngineSettings, Thresholds } from '@/policies/settings';
import { HOUR_MS } from '@/policies/time';

/**
 * The peer: catalog rules re-expressed for json-rules-engine 7.3, the generic JavaScript rules
 * engine, as faithfully as it allows. Each clock becomes two JSON rules (`breached`, `critical`);
 * each rule version becomes its own pair, guarded by the clock's start date.
 *
 * What json-rules-engine cannot say in JSON, and how the peer says it instead:
 * - date arithmetic: conditions only compare a value with a constant or another fact, so
 *   "now − shippedAt", "shipBy − now" and a filing's moved deadline are dynamic facts (JS callbacks)
 *   that the JSON conditions compare;
 * - a threshold that depends on the order's own window (critical = time left ≤ a share of
 *   shipBy − paidAt): a dynamic fact compared fact-to-fact;
 * - "a filing covering this rule": a dynamic fact scanning the filings array;
 * - clocks over a list (after-sales cases): one engine run per case — the engine has no "for each";
 *   the order × rule decision is then the most severe case's;
 * - not expressed at all: same-day (当日发) cutoffs (China calendar-day arithmetic), the Kuaishou
 *   delivery clock whose start is a setting and whose window an agreed period replaces, buyer
 *   windows (never breached), and clocks whose start is missing but whose deadline is displayed.
 */

type Conditions = Extract<TopLevelCondition, { all: unknown }>['all'];
type Condition = Conditions[number];

export interface PeerDecision {
  orderId: string;
  ruleId: string;
  state: 'breached' | 'critical';
}

interface Version {
  fromMs: number;
  toMs: number;
  windowMs: number;
}

/** Clocks an approved filing without rule ids covers (as the catalog documents). */
const LOGISTICS = new Set(['ship', 'pickup', 'hub', 'tracking', 'delivery']);
const STAGE_STATUSES = Object.entries(STATUS_STAGE);
const STAGE_EVENTS = Object.entries(EVENT_STAGE) as [TimelineEvent, number][];

const at = (field: string) => `$.timeline.${field}`;
const order = (path: string, operator: string, value: unknown, priority = 2): Condition => ({
  fact: 'order',
  path,
  operator,
  value: value as never,
  priority,
});

function versionsOf(rule: Rule, settings: EngineSettings): Version[] {
  return rule.versions.map((v, i) => {
    const to = v.effectiveTo ?? rule.versions[i + 1]?.effectiveFrom;
    return {
      fromMs: v.effectiveFrom ? chinaDayInstant(v.effectiveFrom) : -8.64e15,
      toMs: to ? chinaDayInstant(to) : 8.64e15,
      windowMs: resolveParam(v.windowHours!, settings) * HOUR_MS,
    };
  });
}

/** Which orders the rule applies to, as JSON conditions. */
function applicability(rule: Rule, settings: EngineSettings): Conditions {
  const a = rule.appliesTo;
  const out: Conditions = [order('$.platform', 'equal', rule.platform, 3)];
  if (a.crossBorder !== 'any') out.push(order('$.crossBorder', 'equal', a.crossBorder === 'only'));
  if (a.categories) out.push({ any: a.categories.map((c) => order('$.categories', 'contains', c)) });
  const promised = a.shopPromise !== undefined && settings.shopPromises[a.shopPromise];
  if (a.services && !promised) out.push({ any: a.services.map((s) => order('$.services', 'contains', s)) });
  return out;
}

/** The clock is still open: not satisfied, and the order has not moved past the satisfying event. */
function stillOpen(until: TimelineEvent): Conditions {
  const stage = EVENT_STAGE[until];
  return [
    order('$.status', 'notIn', ['cancelled', ...STAGE_STATUSES.filter(([, s]) => s >= stage).map(([k]) => k)]),
    ...STAGE_EVENTS.filter(([e, s]) => s >= stage || e === until).map(([e]) => order(at(e), 'present', false)),
  ];
}

function timelineRules(rule: Rule, settings: EngineSettings): RuleProperties[] {
  const spec = rule.spec;
  if (spec.type !== 'duration' || spec.fromChoice || spec.agreedPeriodReplaces || !spec.until || rule.informational) {
    throw new Error(`${rule.id}: not expressible in the peer`);
  }
  const t = settings.thresholds;
  const start = spec.from[0]!;
  const shown = spec.platformDeadline;
  const filing = { fact: 'filing', params: { ruleId: rule.id, logistics: LOGISTICS.has(rule.clock) } };
  const since = { fact: 'elapsedMs', params: { since: at(start) } };
  const shownLeft = shown ? { fact: 'remainingMs', params: { until: at(shown) } } : undefined;
  const filedLeft = { fact: 'filedRemainingMs', params: filing.params };
  const base = [...applicability(rule, settings), ...stillOpen(spec.until), { ...filing, operator: 'notEqual', value: 'waived' }];

  return versionsOf(rule, settings).flatMap((v) => {
    const m = criticalMs(v.windowMs, t);
    const inForce = [order(at(start), 'greaterThanInclusive', v.fromMs), order(at(start), 'lessThan', v.toMs)];
    const computed = (conds: Conditions): Condition => ({
      all: [{ ...filing, operator: 'equal', value: 'none' }, ...(shown ? [order(at(shown), 'present', false)] : []), ...conds],
    });
    const displayed = (conds: Conditions): Condition[] =>
      shownLeft ? [{ all: [{ ...filing, operator: 'equal', value: 'none' }, order(at(shown!), 'present', true), ...conds] }] : [];
    const margin = (to: string) => ({ fact: 'marginMs', params: { from: at(start), to, windowMs: v.windowMs, ...filing.params } });
    const breached: Conditions = [
      computed([{ ...since, operator: 'greaterThan', value: v.windowMs }]),
      ...displayed([{ ...shownLeft!, operator: 'lessThan', value: 0 }]),
      { all: [{ ...filing, operator: 'equal', value: 'moved' }, { ...filedLeft, operator: 'lessThan', value: 0 }] },
    ];
    const critical: Conditions = [
      computed([
        { ...since, operator: 'greaterThanInclusive', value: v.windowMs - m },
        { ...since, operator: 'lessThanInclusive', value: v.windowMs },
      ]),
      ...displayed([
        { ...shownLeft!, operator: 'greaterThanInclusive', value: 0 },
        { ...shownLeft!, operator: 'lessThanInclusive', value: margin(at(shown ?? start)) },
      ]),
      {
        all: [
          { ...filing, operator: 'equal', value: 'moved' },
          { ...filedLeft, operator: 'greaterThanInclusive', value: 0 },
          { ...filedLeft, operator: 'lessThanInclusive', value: margin('filing') },
        ],
      },
    ];
    const pair = (state: PeerDecision['state'], any: Conditions): RuleProperties => ({
      name: `${rule.id}@${v.fromMs}:${state}`,
      conditions: { all: [...base, ...inForce, { any }] },
      event: { type: state, params: { ruleId: rule.id } },
    });
    return [pair('breached', breached), pair('critical', critical)];
  });
}

function caseRules(rule: Rule, settings: EngineSettings): RuleProperties[] {
  const spec = rule.spec;
  if (spec.type !== 'case' || spec.subject !== 'afterSales') throw new Error(`${rule.id}: not expressible in the peer`);
  const t = settings.thresholds;
  const c = (path: string, operator: string, value: unknown, priority = 2): Condition => ({
    fact: 'case',
    path,
    operator,
    value: value as never,
    priority,
  });
  const base: Conditions = [
    { fact: 'platform', operator: 'equal', value: rule.platform, priority: 3 },
    c('$.handledAt', 'present', false),
    c('$.awaitingMerchant', 'notEqual', false),
    ...(spec.kinds ? [c('$.kind', 'in', spec.kinds)] : []),
  ];
  const since = { fact: 'caseElapsedMs' };
  const left = { fact: 'caseRemainingMs' };
  return versionsOf(rule, settings).flatMap((v) => {
    const m = criticalMs(v.windowMs, t);
    const inForce = [c('$.requestedAt', 'greaterThanInclusive', v.fromMs), c('$.requestedAt', 'lessThan', v.toMs)];
    const computed = (conds: Conditions): Condition => ({ all: [c('$.deadline', 'present', false), ...conds] });
    const shown = (conds: Conditions): Condition => ({ all: [c('$.deadline', 'present', true), ...conds] });
    const margin = { fact: 'caseMarginMs', params: { windowMs: v.windowMs } };
    const pair = (state: PeerDecision['state'], any: Conditions): RuleProperties => ({
      name: `${rule.id}@${v.fromMs}:${state}`,
      conditions: { all: [...base, ...inForce, { any }] },
      event: { type: state, params: { ruleId: rule.id } },
    });
    return [
      pair('breached', [
        computed([{ ...since, operator: 'greaterThan', value: v.windowMs }]),
        shown([{ ...left, operator: 'lessThan', value: 0 }]),
      ]),
      pair('critical', [
        computed([
          { ...since, operator: 'greaterThanInclusive', value: v.windowMs - m },
          { ...since, operator: 'lessThanInclusive', value: v.windowMs },
        ]),
        shown([
          { ...left, operator: 'greaterThanInclusive', value: 0 },
          { ...left, operator: 'lessThanInclusive', value: margin },
        ]),
      ]),
    ];
  });
}

/** Whether the peer can express a catalog rule at all. */
export function peerExpressible(rule: Rule): boolean {
  try {
    return (rule.spec.type === 'case' ? caseRules : timelineRules)(rule, SETTINGS_PROBE).length > 0;
  } catch {
    return false;
  }
}
const SETTINGS_PROBE = {
  thresholds: { dueSoonFraction: 0.25, dueSoonFloorMinutes: 120, criticalFraction: 0.1, criticalFloorMinutes: 30 },
  shopPromises: { sameDayShip: false, ship24h: false },
  ruleParams: {},
} satisfies EngineSettings;

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

type Filings = Order['filings'];
/** The approved filings covering a rule: waived, or the latest moved deadline. */
function filingOf(filings: Filings, ruleId: string, logistics: boolean): 'none' | 'waived' | number {
  let moved = Number.NaN;
  for (const f of filings) {
    const covers = f.ruleIds.length > 0 ? f.ruleIds.includes(ruleId) : logistics;
    if (!covers) continue;
    if (f.waived) return 'waived';
    if (f.newDeadline !== undefined && !(f.newDeadline <= moved)) moved = f.newDeadline;
  }
  return moved === moved ? moved : 'none';
}

function addFacts(orderEngine: Engine, caseEngine: Engine, t: Thresholds) {
  type P = Record<string, unknown>;
  const orderAt = (almanac: Almanac, path: string) =>
    almanac.factValue<number | undefined>('order', {}, path);
  orderEngine.addFact('elapsedMs', async (p: P, almanac) => {
    const [now, start] = await Promise.all([almanac.factValue<number>('now'), orderAt(almanac, p.since as string)]);
    return start === undefined ? undefined : now - start;
  });
  orderEngine.addFact('remainingMs', async (p: P, almanac) => {
    const [now, end] = await Promise.all([almanac.factValue<number>('now'), orderAt(almanac, p.until as string)]);
    return end === undefined ? undefined : end - now;
  });
  const filingFact = async (p: P, almanac: Almanac) => {
    const o = await almanac.factValue<Order>('order');
    return filingOf(o.filings, p.ruleId as string, p.logistics as boolean);
  };
  orderEngine.addFact('filing', async (p: P, almanac) => {
    const f = await filingFact(p, almanac);
    return typeof f === 'number' ? 'moved' : f;
  });
  orderEngine.addFact('filedRemainingMs', async (p: P, almanac) => {
    const [now, f] = await Promise.all([almanac.factValue<number>('now'), filingFact(p, almanac)]);
    return typeof f === 'number' ? f - now : undefined;
  });
  orderEngine.addFact('marginMs', async (p: P, almanac) => {
    const from = await orderAt(almanac, p.from as string);
    const to = p.to === 'filing' ? await filingFact(p, almanac) : await orderAt(almanac, p.to as string);
    const window = typeof to === 'number' && from !== undefined && to > from ? to - from : (p.windowMs as number);
    return criticalMs(window, t);
  });
  type Case = Order['afterSales'][number];
  caseEngine.addFact('caseElapsedMs', async (_p: P, almanac) => {
    const [now, c] = await Promise.all([almanac.factValue<number>('now'), almanac.factValue<Case>('case')]);
    return now - c.requestedAt;
  });
  caseEngine.addFact('caseRemainingMs', async (_p: P, almanac) => {
    const [now, c] = await Promise.all([almanac.factValue<number>('now'), almanac.factValue<Case>('case')]);
    return c.deadline === undefined ? undefined : c.deadline - now;
  });
  caseEngine.addFact('caseMarginMs', async (p: P, almanac) => {
    const c = await almanac.factValue<Case>('case');
    const window = c.deadline !== undefined && c.deadline > c.requestedAt ? c.deadline - c.requestedAt : (p.windowMs as number);
    return criticalMs(window, t);
  });
}

const SEVERITY = { critical: 1, breached: 2 } as const;

/**
 * A ready-to-run peer for the given catalog rules: `decide(orders, now)` → breached/critical
 * decisions. One engine pair per platform (as one would deploy it), so an order only meets its own
 * platform's rules.
 */
export function createPeer(rules: Catalog, settings: EngineSettings) {
  const engines = new Map<string, { order: Engine; cases?: Engine }>();
  for (const platform of new Set(rules.map((r) => r.platform))) {
    const mine = rules.filter((r) => r.platform === platform);
    const timeline = mine.filter((r) => r.spec.type !== 'case');
    const cases = mine.filter((r) => r.spec.type === 'case');
    const order = new Engine(timeline.flatMap((r) => timelineRules(r, settings)), ENGINE_OPTIONS);
    const caseEngine = new Engine(cases.flatMap((r) => caseRules(r, settings)), ENGINE_OPTIONS);
    for (const engine of [order, caseEngine]) engine.addOperator('present', present);
    addFacts(order, caseEngine, settings.thresholds);
    engines.set(platform, { order, ...(cases.length ? { cases: caseEngine } : {}) });
  }

  return async function decide(orders: readonly Order[], now: number): Promise<PeerDecision[]> {
    const out: PeerDecision[] = [];
    for (const o of orders) {
      const engine = engines.get(o.platform);
      if (!engine) continue;
      const { events } = await engine.order.run({ order: o, now });
      for (const e of events) out.push({ orderId: o.orderId, ruleId: e.params!.ruleId as string, state: e.type as PeerDecision['state'] });
      if (!engine.cases || o.afterSales.length === 0) continue;
      const worst = new Map<string, PeerDecision['state']>();
      for (const c of o.afterSales) {
        const res = await engine.cases.run({ case: c, platform: o.platform, now });
        for (const e of res.events) {
          const id = e.params!.ruleId as string;
          const state = e.type as PeerDecision['state'];
          const prev = worst.get(id);
          if (!prev || SEVERITY[state] > SEVERITY[prev]) worst.set(id, state);
        }
      }
      for (const [ruleId, state] of worst) out.push({ orderId: o.orderId, ruleId, state });
    }
    return out;
  };
}
