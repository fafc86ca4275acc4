import { browser } from 'wxt/browser';

export const WAKE_ALARM = 'shouyue:recompute';

/** The earliest candidate instant after `now`, if any. */
export function earliestAfter(candidates: readonly (number | undefined)[], now: number): number | undefined {
  let best: number | undefined;
  for (const c of candidates) if (c !== undefined && c > now && (best === undefined || c < best)) best = c;
  return best;
}

/**
 * One alarm for the next moment anything changes (a clock changes state, a snooze or quiet hours
 * end, an order ages out): the worker sleeps until then instead of polling.
 */
export async function scheduleWake(when: number | undefined): Promise<void> {
  if (when === undefined) await browser.alarms.clear(WAKE_ALARM);
  else await browser.alarms.create(WAKE_ALARM, { when });
}
