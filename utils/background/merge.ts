import { MAX_CASES_PER_ORDER, type Order } from '@/policies/order';
import { DAY_MS } from '@/policies/time';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { StoredOrders } from '@/utils/storage';
import { orderKey } from './keys';

/**
 * Merges a page's readings into the stored orders, per platform + order id. An order-list reading
 * replaces the stored one (sub-orders, status, timeline), keeping only the cases it does not
 * print itself; a case-list reading (`scope: 'cases'`, e.g. 抖店's 售后工作台) shows no timeline, so
 * it only updates its cases by id. A reading older than the stored one (a stale tab) changes
 * nothing. Returns a new object.
 *
 * A case the fresh reading does not show is kept, unless it was settled (handled, replied) more
 * than `retentionDays` before the reading — the merchant's own "keep for" setting, which already
 * drops orders not read again for that long. An open case is never dropped by age: absence from
 * one reading proves nothing (case lists are paged and filtered to 待处理 tabs), and only the
 * merchant's answer, seen on the page, settles it.
 */
export function mergeOrders(
  stored: StoredOrders,
  incoming: readonly Order[],
  retentionDays = DEFAULT_SETTINGS.retentionDays,
): StoredOrders {
  const merged: StoredOrders = { ...stored };
  for (const order of incoming) {
    const key = orderKey(order);
    const previous = merged[key];
    if (previous && order.readAt < previous.readAt) continue;
    merged[key] = previous ? combine(previous, order, order.readAt - retentionDays * DAY_MS) : order;
  }
  return merged;
}

/**
 * The fresh cases, then the older ones the fresh reading does not show, less those settled before
 * `oldest`. Over the schema's cap (an order beyond it would be rejected as corrupt on load), open
 * cases go before settled ones, the most recently settled first.
 */
function carryOver<T extends { id: string }>(
  fresh: readonly T[],
  older: readonly T[],
  settledAt: (c: T) => number | undefined,
  oldest: number,
): T[] {
  const ids = new Set(fresh.map((c) => c.id));
  const recency = (c: T) => settledAt(c) ?? Infinity;
  const kept = older.filter((c) => !ids.has(c.id) && !(recency(c) < oldest));
  if (fresh.length + kept.length > MAX_CASES_PER_ORDER) kept.sort((a, b) => (recency(a) === recency(b) ? 0 : recency(a) > recency(b) ? -1 : 1));
  return [...fresh, ...kept].slice(0, MAX_CASES_PER_ORDER);
}

function combine(previous: Order, order: Order, oldest: number): Order {
  const base = order.scope === 'cases' ? { ...previous, readAt: order.readAt } : order;
  return {
    ...base,
    afterSales: carryOver(order.afterSales, previous.afterSales, (c) => c.handledAt, oldest),
    serviceTickets: carryOver(order.serviceTickets, previous.serviceTickets, (t) => t.repliedAt, oldest),
  };
}
