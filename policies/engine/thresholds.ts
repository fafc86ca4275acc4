import type { Thresholds } from '../settings';
import type { ClockState } from '../verdict';

/**
 * When an open clock turns due-soon and critical, as "time left ≤ X ms". The fraction of the
 * window scales with long clocks; the absolute floor keeps short ones visible, but a floor never
 * exceeds half (due-soon) or a quarter (critical) of the window, so a 3-minute reply clock is not
 * critical from its first second. critical ≤ due-soon always holds.
 */
export function dueSoonMs(windowMs: number, t: Thresholds): number {
  const w = windowMs > 0 ? windowMs : 0;
  return Math.max(t.dueSoonFraction * w, Math.min(t.dueSoonFloorMinutes * 60_000, w / 2));
}

export function criticalMs(windowMs: number, t: Thresholds): number {
  const w = windowMs > 0 ? windowMs : 0;
  const own = Math.max(t.criticalFraction * w, Math.min(t.criticalFloorMinutes * 60_000, w / 4));
  return Math.min(own, dueSoonMs(w, t));
}

/** The state of a clock still open `timeLeftMs` before its deadline; breached only after it. */
export function openState(timeLeftMs: number, windowMs: number, t: Thresholds): ClockState {
  if (timeLeftMs < 0) return 'breached';
  if (timeLeftMs <= criticalMs(windowMs, t)) return 'critical';
  if (timeLeftMs <= dueSoonMs(windowMs, t)) return 'due-soon';
  return 'running';
}
