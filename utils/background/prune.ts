import type { ClockState, Verdict } from '@/policies/verdict';
import { DAY_MS } from '@/policies/time';
import type { StoredOrders } from '@/utils/storage';
import { orderKey, orderKeyOfClock } from './keys';

const FINISHED: ReadonlySet<ClockState> = new Set(['met', 'met-late', 'done-untimed', 'exempt', 'not-applicable']);

/**
 * Keeps only orders something can still happen to: at least one clock not finished, and read
 * again within the retention period. Returns the same object when nothing was dropped.
 */
export function pruneOrders(
  orders: StoredOrders,
  verdicts: readonly Verdict[],
  now: number,
  retentionDays: number,
): StoredOrders {
  const open = new Set<string>();
  for (const v of verdicts) if (!FINISHED.has(v.state)) open.add(orderKey(v));
  const oldest = now - retentionDays * DAY_MS;
  const kept = Object.entries(orders).filter(([key, o]) => o.readAt >= oldest && open.has(key));
  return kept.length === Object.keys(orders).length ? orders : Object.fromEntries(kept);
}

/** When the oldest kept order falls out of the retention period. */
export function nextExpiry(orders: StoredOrders, retentionDays: number): number | undefined {
  let oldest: number | undefined;
  for (const o of Object.values(orders)) if (oldest === undefined || o.readAt < oldest) oldest = o.readAt;
  return oldest === undefined ? undefined : oldest + retentionDays * DAY_MS + 1;
}

/** Drops entries keyed by clock (`platform:orderId:…`) whose order is gone. */
export function forOrders<T>(byClock: Record<string, T>, orders: StoredOrders): Record<string, T> {
  return Object.fromEntries(Object.entries(byClock).filter(([key]) => orderKeyOfClock(key) in orders));
}
