import { STATE_URGENCY, type Verdict } from '@/policies/verdict';
import type { Mark } from './schemas';
import { clockKey } from './keys';

/**
 * An acknowledged clock stays hidden until it gets more urgent than when it was acknowledged; a
 * snoozed one until the snooze ends. Hidden clocks are left out of the badge and notifications.
 */
export function isHidden(v: Pick<Verdict, 'state'>, mark: Mark | undefined, now: number): boolean {
  if (!mark) return false;
  if (mark.kind === 'snooze') return now < mark.until;
  return STATE_URGENCY[v.state] <= STATE_URGENCY[mark.state];
}

export function applyMark(
  marks: Record<string, Mark>,
  key: string,
  action: 'ack' | 'snooze' | 'clear',
  v: Pick<Verdict, 'state'> | undefined,
  now: number,
  snoozeMs: number,
): Record<string, Mark> {
  const { [key]: _dropped, ...rest } = marks;
  if (action === 'clear') return rest;
  if (action === 'snooze') return { ...rest, [key]: { kind: 'snooze', until: now + snoozeMs, at: now } };
  return v ? { ...rest, [key]: { kind: 'ack', state: v.state, at: now } } : rest;
}

/** Marks whose clock no longer exists are dropped, and so are snoozes that have ended. */
export function liveMarks(marks: Record<string, Mark>, verdicts: readonly Verdict[], now: number): Record<string, Mark> {
  // No marks (the usual case): no key to work out for each of the thousands of verdicts.
  if (Object.keys(marks).length === 0) return marks;
  const present = new Set(verdicts.map(clockKey));
  return Object.fromEntries(
    Object.entries(marks).filter(([key, m]) => present.has(key) && (m.kind === 'ack' || m.until > now)),
  );
}
