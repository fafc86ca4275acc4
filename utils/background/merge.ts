import type { Order } from '@/policies/order';
import type { StoredOrders } from '@/utils/storage';
import { orderKey } from './keys';

/**
 * Merges a page's readings into the stored orders, per platform + order id. An order-list reading
 * replaces the stored one (sub-orders, status, timeline), keeping only the cases it does not
 * print itself; a case-list reading (`scope: 'cases'`, e.g. 抖店's 售后工作台) shows no timeline, so
 * it only updates its cases by id. A reading older than the stored one (a stale tab) changes
 * nothing. Returns a new object.
 */
export function mergeOrders(stored: StoredOrders, incoming: readonly Order[]): StoredOrders {
  const merged: StoredOrders = { ...stored };
  for (const order of incoming) {
    const key = orderKey(order);
    const previous = merged[key];
    if (previous && order.readAt < previous.readAt) continue;
    merged[key] = previous ? combine(previous, order) : order;
  }
  return merged;
}

/** The fresh cases, then the older ones the fresh reading does not show. */
const byId = <T extends { id: string }>(fresh: readonly T[], older: readonly T[]): T[] => {
  const ids = new Set(fresh.map((c) => c.id));
  return [...fresh, ...older.filter((c) => !ids.has(c.id))];
};

function combine(previous: Order, order: Order): Order {
  const base = order.scope === 'cases' ? { ...previous, readAt: order.readAt } : order;
  return {
    ...base,
    afterSales: byId(order.afterSales, previous.afterSales),
    serviceTickets: byId(order.serviceTickets, previous.serviceTickets),
  };
}
