import type { Order } from '@/policies/order';
import type { StoredOrders } from '@/utils/storage';
import { orderKey } from './keys';

/**
 * Merges a page's readings into the stored orders: per platform + order id the newest reading
 * wins as a whole (its sub-order count, after-sales cases and timeline replace the older one's).
 * A reading older than the stored one (a stale tab) changes nothing. Returns a new object.
 */
export function mergeOrders(stored: StoredOrders, incoming: readonly Order[]): StoredOrders {
  const merged: StoredOrders = { ...stored };
  for (const order of incoming) {
    const key = orderKey(order);
    const previous = merged[key];
    if (!previous || order.readAt >= previous.readAt) merged[key] = order;
  }
  return merged;
}
