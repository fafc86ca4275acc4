/**
 * Runs code with the computer's time zone set to another zone. Node re-reads `process.env.TZ` when
 * it is assigned, so one test process can check that nothing depends on the machine's zone.
 */
export const ZONES = [
  { zone: 'America/Los_Angeles', offsetMinutes: -8 * 60 }, // UTC−8 (in January)
  { zone: 'UTC', offsetMinutes: 0 },
  { zone: 'Asia/Shanghai', offsetMinutes: 8 * 60 },
  { zone: 'Pacific/Kiritimati', offsetMinutes: 14 * 60 },
] as const;

const JANUARY = Date.UTC(2024, 0, 15);

export function withZone<T>(zone: string, fn: () => T): T {
  const saved = process.env.TZ;
  const restore = () => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  };
  process.env.TZ = zone;
  let result: T;
  try {
    result = fn();
  } catch (e) {
    restore();
    throw e;
  }
  // An async fn keeps the zone until it settles.
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

/** The computer's UTC offset now in effect, in minutes east of UTC (to prove the switch took). */
export const localOffsetMinutes = () => 0 - new Date(JANUARY).getTimezoneOffset(); // 0 − x: never −0
