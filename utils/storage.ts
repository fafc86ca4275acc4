import { storage } from 'wxt/utils/storage';
import type { Order } from '@/policies/order';
import type { ExtensionSettings } from '@/utils/settings';
import type { Mark, Problems, ReadHealthMap } from '@/utils/background/schemas';

/**
 * Everything the extension keeps, in `browser.storage.local` (the worker is killed when idle; what
 * it keeps in memory is only a copy of this). Values are typed as stored but re-validated when
 * read, because a stored value can be corrupted or come from an older version.
 */

/** Orders by `orderKey` (platform:orderId). */
export type StoredOrders = Record<string, Order>;

/**
 * v1 (the first storage design) kept orders as a plain array; v2 keys them by platform and order
 * id so a reading merges without a scan and duplicates cannot exist.
 */
export function migrateOrdersV1toV2(value: unknown): unknown {
  if (!Array.isArray(value)) return value; // wrong shape: left for validation to report
  const byKey: Record<string, unknown> = {};
  for (const order of value) {
    if (typeof order !== 'object' || order === null) continue;
    const { platform, orderId, readAt } = order as Partial<Order>;
    if (typeof platform !== 'string' || typeof orderId !== 'string') continue;
    const key = `${platform}:${orderId}`;
    const previous = byKey[key] as Partial<Order> | undefined;
    if (!previous || Number(readAt) >= Number(previous.readAt)) byKey[key] = order;
  }
  return byKey;
}

export const settingsItem = storage.defineItem<ExtensionSettings | null>('local:settings', {
  fallback: null,
  version: 1,
});

export const readHealthItem = storage.defineItem<ReadHealthMap>('local:readHealth', {
  fallback: {},
  version: 1,
});

/** Notifications already shown, by `clockKey|state` → when: survives worker restarts. */
export const notifiedItem = storage.defineItem<Record<string, number>>('local:notified', {
  fallback: {},
  version: 1,
});

export const marksItem = storage.defineItem<Record<string, Mark>>('local:marks', {
  fallback: {},
  version: 1,
});

export const problemsItem = storage.defineItem<Problems>('local:problems', {
  fallback: {},
  version: 1,
});

/** The items kept in one value each (orders are kept one per key). */
export const VALUE_ITEMS = { health: readHealthItem, notified: notifiedItem, marks: marksItem, problems: problemsItem, settings: settingsItem } as const;
