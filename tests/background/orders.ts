import { OrderSchema, type Order, type OrderInput } from '@/policies/order';

/** A normalized order as an adapter would produce it; `over` replaces any field. */
export function order(over: Partial<OrderInput> & Pick<OrderInput, 'orderId'>, readAt = Date.now()): Order {
  return OrderSchema.parse({ platform: 'douyin', status: 'awaiting-shipment', readAt, ...over });
}
