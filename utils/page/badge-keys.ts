import type { RowReading } from './adapter';

/**
 * Which rows a reading must badge. A badge goes by its row's order id (or an unreadable row's
 * key), and its words change only when its row is read again or the verdicts of its key are
 * dropped. When every row showing a dropped key was read again, the rows left alone keep their
 * badges as drawn: a change of 50 rows of 1,000 visits 50.
 */

/** The key a row's badge goes by: its order id, or the row key of an unreadable row. */
export const badgeKey = (r: RowReading): string => (r.ok ? r.orderId : r.rowKey);

/** How many rows show each key. */
export function countKeys(readings: readonly RowReading[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of readings) {
    const key = badgeKey(r);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Moves the rows at `at` in `counts` from their keys `before` to their keys `now`. */
export function recount(counts: Map<string, number>, at: readonly number[], before: readonly RowReading[], now: readonly RowReading[]): void {
  for (const i of at) {
    const was = badgeKey(before[i]!);
    const left = (counts.get(was) ?? 0) - 1;
    if (left > 0) counts.set(was, left);
    else counts.delete(was);
    const key = badgeKey(now[i]!);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

/** True when every row showing one of `keys` (as `counts` has them, after `recount`) is one of the rows at `at`. */
export function shownOnlyAt(keys: Iterable<string>, counts: ReadonlyMap<string, number>, at: readonly number[], now: readonly RowReading[]): boolean {
  const atKeys = countKeys(at.map((i) => now[i]!));
  for (const key of keys) if ((counts.get(key) ?? 0) > (atKeys.get(key) ?? 0)) return false;
  return true;
}
