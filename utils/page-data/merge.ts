import type { Order } from '@/policies/order';

/**
 * Lays the page's data over an earlier reading of the same order. Only what list JSON actually
 * carries is taken (status, amount, timeline instants, services, after-sales cases, service
 * tickets); values the JSON never reads, such as the page's sub-order count or a cross-border
 * mark, are kept as they were, because a schema default in the JSON reading is not knowledge.
 */
export function overlay(base: Order, data: Order): Order {
  const timeline = Object.fromEntries(Object.entries(data.timeline).filter(([, v]) => v !== undefined));
  return {
    ...base,
    status: data.status ?? base.status,
    amount: data.amount ?? base.amount,
    timeline: { ...base.timeline, ...timeline },
    services: [...new Set([...base.services, ...data.services])],
    afterSales: data.afterSales.length > 0 ? data.afterSales : base.afterSales,
    serviceTickets: data.serviceTickets.length > 0 ? data.serviceTickets : base.serviceTickets,
    readAt: Math.max(base.readAt, data.readAt),
    source: 'json',
  };
}
