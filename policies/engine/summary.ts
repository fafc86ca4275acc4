import type { Platform } from '../platforms';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../settings';
import { ClockStateSchema, type ClockState, type Verdict } from '../verdict';
import { criticalMs, dueSoonMs } from './thresholds';

export type StateCounts = Record<ClockState, number>;

export interface Summary {
  total: number;
  byState: StateCounts;
  byPlatform: Partial<Record<Platform, StateCounts>>;
  /** Merchant clocks still open and not yet past their deadline, soonest first. */
  next: Verdict[];
}

const zeroCounts = (): StateCounts =>
  Object.fromEntries(ClockStateSchema.options.map((s) => [s, 0])) as StateCounts;

const isOpen = (v: Verdict) => v.state === 'running' || v.state === 'due-soon' || v.state === 'critical';

/** Counts by platform and state, and the next `limit` deadlines in order. */
export function summarize(verdicts: readonly Verdict[], limit = 10): Summary {
  const byState = zeroCounts();
  const byPlatform: Partial<Record<Platform, StateCounts>> = {};
  const open: Verdict[] = [];
  for (const v of verdicts) {
    byState[v.state] += 1;
    (byPlatform[v.platform] ??= zeroCounts())[v.state] += 1;
    if (isOpen(v) && !v.informational && v.deadline !== undefined) open.push(v);
  }
  open.sort((a, b) => a.deadline! - b.deadline!);
  return { total: verdicts.length, byState, byPlatform, next: open.slice(0, Math.max(0, limit)) };
}

/**
 * The earliest instant at which any verdict changes state if nothing else happens (running →
 * due-soon → critical → breached; a buyer window closing), for scheduling the next alarm.
 * Undefined when no verdict will change on its own.
 */
export function nextTransitionAt(
  verdicts: readonly Verdict[],
  settings: EngineSettings = DEFAULT_ENGINE_SETTINGS,
): number | undefined {
  const t = settings.thresholds;
  let next = Infinity;
  for (const v of verdicts) {
    if (!isOpen(v) || v.deadline === undefined) continue;
    let at: number;
    if (v.informational || v.state === 'critical') at = v.deadline + 1;
    else {
      const w = v.windowMs ?? 0;
      at = v.deadline - (v.state === 'running' ? dueSoonMs(w, t) : criticalMs(w, t));
    }
    if (at < next) next = Math.ceil(at);
  }
  return next === Infinity ? undefined : next;
}
