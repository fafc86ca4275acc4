import { OrderSchema } from '@/policies/order';
import type { Platform } from '@/policies/platforms';
import { ADAPTERS } from '@/utils/page/adapters';
import { readRow, type PageAdapter, type RowReading } from '@/utils/page/adapter';
import type { Expectation } from '../fixtures/pages';

/** A fixed reading time: 2026-11-23 22:00:00 China time. */
export const NOW = Date.UTC(2026, 10, 23, 14, 0, 0);

export function adapterFor(platform: Platform): PageAdapter {
  const a = ADAPTERS[platform];
  if (!a) throw new Error(`no adapter for ${platform}`);
  return a;
}

/** Parses a fixture page without running its scripts. */
export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function readAll(adapter: PageAdapter, root: ParentNode, now = NOW): RowReading[] {
  return adapter.findRows(root, 'order-list').map((row, index) => readRow(adapter, row, { kind: 'order-list', now, index }));
}

export const expectedOrders = (expected: readonly Expectation[]) =>
  expected.filter((e) => e.order).map((e) => OrderSchema.parse(e.order));
