import type { AfterSaleCase } from '../order';
import type { Platform } from '../platforms';
import { chinaDayInstant, resolveParam, versionId, type Catalog, type Rule, type TimelineEvent } from '../rule';
import type { EngineSettings } from '../settings';
import { HOUR_MS } from '../time';
import type { ClockKind, VerdictNote } from '../verdict';

/**
 * A catalog compiled once per evaluate() call under the current settings: every parameter
 * resolved to a number, every date to epoch ms, so the per-order loop does plain arithmetic.
 */

/** Timeline events as indices into a reused Float64Array (NaN = missing). */
export const EVENTS = [
  'placedAt',
  'paidAt',
  'shipBy',
  'shippedAt',
  'pickupScanAt',
  'firstHubAt',
  'lastTrackingAt',
  'receivedAt',
] as const satisfies readonly TimelineEvent[];
export const EVENT_INDEX = Object.fromEntries(EVENTS.map((e, i) => [e, i])) as Record<TimelineEvent, number>;
export const SHIP_BY = EVENT_INDEX.shipBy;

/**
 * How far along an order is once an event has happened. A clock whose start is missing while the
 * order is already past that point cannot be read (unknown); before it, the clock has not started.
 */
export const EVENT_STAGE: Record<TimelineEvent, number> = {
  placedAt: 0,
  paidAt: 1,
  shipBy: 0,
  shippedAt: 2,
  pickupScanAt: 3,
  firstHubAt: 4,
  lastTrackingAt: 3,
  receivedAt: 5,
};
export const STATUS_STAGE: Record<string, number> = {
  'awaiting-payment': 0,
  'awaiting-shipment': 1,
  shipped: 2,
  received: 5,
  completed: 5,
};

/** Clocks an approved filing covers when it names no rule ids. */
const LOGISTICS_CLOCKS: ReadonlySet<ClockKind> = new Set(['ship', 'pickup', 'hub', 'tracking', 'delivery']);

export interface CompiledVersion {
  fromMs: number;
  toMs: number;
  id: string;
  windowMs: number;
  cutoffHour: number;
  moneyPerMain: number;
  moneyPerSub: number;
  hasMoney: boolean;
}

export interface CompiledRule {
  rule: Rule;
  id: string;
  /** versionId of a verdict when no version is in force. */
  notInForceId: string;
  platform: Platform;
  clock: ClockKind;
  informational: boolean;
  type: 'duration' | 'same-day-cutoff' | 'case';
  from: number;
  fromEvent: TimelineEvent;
  fromStage: number;
  until: number;
  untilStage: number;
  platformDeadline: boolean;
  /** `missing` of an unknown verdict: shared and frozen, so no allocation per verdict. */
  missingStart: string[];
  missingUntil: string[];
  agreedPeriodReplaces: boolean;
  note: VerdictNote | undefined;
  subject: 'afterSales' | 'serviceTickets' | 'buyerMessages' | undefined;
  kinds: ReadonlySet<AfterSaleCase['kind']> | undefined;
  categories: readonly string[] | undefined;
  services: readonly string[] | undefined;
  /** The shop-wide promise in the settings makes the rule apply to every order. */
  promisedByShop: boolean;
  crossBorder: 'any' | 'exclude' | 'only';
  coveredByDefaultFiling: boolean;
  versions: CompiledVersion[];
}

function compileVersions(rule: Rule, settings: EngineSettings): CompiledVersion[] {
  return rule.versions.map((v, i) => {
    const next = rule.versions[i + 1]?.effectiveFrom;
    const to = v.effectiveTo ?? next;
    const main = v.money?.perMainOrderYuan;
    const sub = v.money?.perSubOrderYuan;
    return {
      fromMs: v.effectiveFrom === undefined ? -Infinity : chinaDayInstant(v.effectiveFrom),
      toMs: to === undefined ? Infinity : chinaDayInstant(to),
      id: versionId(rule, v),
      windowMs: v.windowHours === undefined ? NaN : resolveParam(v.windowHours, settings) * HOUR_MS,
      cutoffHour: v.cutoffHour === undefined ? NaN : resolveParam(v.cutoffHour, settings),
      moneyPerMain: main === undefined ? 0 : resolveParam(main, settings),
      moneyPerSub: sub === undefined ? 0 : resolveParam(sub, settings),
      hasMoney: main !== undefined || sub !== undefined,
    };
  });
}

function compileRule(rule: Rule, settings: EngineSettings): CompiledRule | undefined {
  const spec = rule.spec;
  if (spec.type === 'checklist') return undefined;
  let fromEvent: TimelineEvent = 'paidAt';
  let note: VerdictNote | undefined;
  if (spec.type !== 'case') {
    const choice = spec.type === 'duration' && spec.fromChoice ? resolveParam(spec.fromChoice, settings) : 0;
    fromEvent = spec.from[Math.round(choice)] ?? spec.from[0]!;
    if (spec.type === 'duration' && spec.fromChoice) {
      note = fromEvent === 'paidAt' ? 'counted-from-payment' : fromEvent === 'shippedAt' ? 'counted-from-shipment' : undefined;
    }
  }
  const until = spec.type === 'case' ? undefined : spec.until;
  const a = rule.appliesTo;
  return {
    rule,
    id: rule.id,
    notInForceId: `${rule.id}@not-in-force`,
    platform: rule.platform,
    clock: rule.clock,
    informational: rule.informational,
    type: spec.type,
    from: EVENT_INDEX[fromEvent],
    fromEvent,
    // Pages often show no tracking at all: a missing last update means "no data", not a misread.
    fromStage: fromEvent === 'lastTrackingAt' ? Infinity : EVENT_STAGE[fromEvent],
    until: until === undefined ? -1 : EVENT_INDEX[until],
    untilStage: until === undefined ? Infinity : EVENT_STAGE[until],
    platformDeadline: spec.type !== 'case' && spec.platformDeadline === 'shipBy',
    missingStart: Object.freeze(spec.type !== 'case' && spec.platformDeadline ? [fromEvent, 'shipBy'] : [fromEvent]) as string[],
    missingUntil: Object.freeze(until === undefined ? [] : [until]) as string[],
    agreedPeriodReplaces: spec.type === 'duration' && spec.agreedPeriodReplaces,
    note,
    subject: spec.type === 'case' ? spec.subject : undefined,
    kinds: spec.type === 'case' && spec.kinds ? new Set(spec.kinds) : undefined,
    categories: a.categories,
    services: a.services,
    promisedByShop: a.shopPromise !== undefined && settings.shopPromises[a.shopPromise],
    crossBorder: a.crossBorder,
    coveredByDefaultFiling: LOGISTICS_CLOCKS.has(rule.clock),
    versions: compileVersions(rule, settings),
  };
}

/** Per-platform lists of the rules that produce per-order clocks. */
export function compileCatalog(catalog: Catalog, settings: EngineSettings): Map<string, CompiledRule[]> {
  const byPlatform = new Map<string, CompiledRule[]>();
  for (const rule of catalog) {
    const c = compileRule(rule, settings);
    if (!c) continue;
    const list = byPlatform.get(c.platform);
    if (list) list.push(c);
    else byPlatform.set(c.platform, [c]);
  }
  return byPlatform;
}

/** The version in force at `at`, or undefined (before the rule existed / after it ended). */
export function compiledVersionAt(rule: CompiledRule, at: number): CompiledVersion | undefined {
  const vs = rule.versions;
  for (let i = vs.length - 1; i >= 0; i--) {
    const v = vs[i]!;
    if (at >= v.fromMs) return at < v.toMs ? v : undefined;
  }
  return undefined;
}
