import type { Platform } from '@/policies/platforms';
import type { Verdict } from '@/policies/verdict';

/**
 * Keys for stored records. Order ids are `[A-Za-z0-9_-]+` (OrderIdSchema) and platforms are enum
 * words, so `:` cannot occur inside either and the first two parts always split back out.
 */

export function orderKey(o: { platform: Platform; orderId: string }): string {
  return `${o.platform}:${o.orderId}`;
}

/** One clock of one order (a rule, on a sub-record such as an after-sales case when it has one). */
export function clockKey(v: Pick<Verdict, 'platform' | 'orderId' | 'ruleId' | 'subjectId'>): string {
  return `${v.platform}:${v.orderId}:${v.ruleId}:${v.subjectId ?? ''}`;
}

export function orderKeyOfClock(key: string): string {
  return key.split(':', 2).join(':');
}

/**
 * v3 keeps each order under its own key (`order:platform:orderId`) as its JSON text: a reading of
 * 50 changed rows writes those 50 orders, not every stored one again, and a string passes from
 * the worker to the browser's storage more cheaply than an object tree (1,000 orders in a first
 * read: ~50 ms less of the worker's CPU and ~100 ms less of the browser's). The version stays
 * where WXT keeps an item's, in `orders$`; the v1/v2 single value `orders` is read once more,
 * rewritten per order and removed.
 */
export const ORDERS_VERSION = 3;
const ORDER_KEY_PREFIX = 'order:';

/** A key of `browser.storage.local`, as WXT's storage names it. */
export type LocalKey = `local:${string}`;
export const LEGACY_ORDERS_KEY: LocalKey = 'local:orders';

/** A WXT storage key (`local:…`) as its area itself, and a snapshot of it, names it. */
export const inArea = (key: string) => key.slice(key.indexOf(':') + 1);

/** The storage key of the order stored under `orderKey` (platform:orderId). */
export const orderStorageKey = (orderKey: string): LocalKey => `local:${ORDER_KEY_PREFIX}${orderKey}`;

/** The order key (platform:orderId) a key of the local area stores, if it stores an order. */
export const orderKeyOfStorageKey = (areaKey: string) => (areaKey.startsWith(ORDER_KEY_PREFIX) ? areaKey.slice(ORDER_KEY_PREFIX.length) : undefined);
