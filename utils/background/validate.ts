import type { z } from 'zod';
import { OrderIdSchema, OrderSchema, type Order } from '@/policies/order';
import type { Platform } from '@/policies/platforms';
import type { RejectedOrder } from '@/utils/messages';

/**
 * The largest message accepted, as JSON characters: a full page of 2,000 orders with after-sales
 * cases fits well inside; anything bigger is rejected before it is parsed.
 */
export const MAX_MESSAGE_CHARS = 4_000_000;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Size check, then zod: a message is used only when both pass. Never throws. */
export function checkMessage<S extends z.ZodType>(schema: S, message: unknown): Checked<z.infer<S>> {
  let size: number;
  try {
    size = JSON.stringify(message)?.length ?? 0;
  } catch {
    return { ok: false, error: 'message is not plain data' };
  }
  if (size > MAX_MESSAGE_CHARS) return { ok: false, error: `message too large (${size} characters)` };
  const parsed = schema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid message: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() };
  }
  return { ok: true, value: parsed.data };
}

/**
 * A page reading's orders, each checked on its own: an order the schema rejects is named (by its
 * id, with the field at fault) instead of costing the whole message. Orders of another platform
 * than the message's are dropped: the sender was checked for that platform only.
 */
export function checkOrders(orders: readonly unknown[], platform: Platform): { orders: Order[]; rejected: RejectedOrder[] } {
  const checked: { orders: Order[]; rejected: RejectedOrder[] } = { orders: [], rejected: [] };
  for (const raw of orders) {
    const parsed = OrderSchema.safeParse(raw);
    if (parsed.success) {
      if (parsed.data.platform === platform) checked.orders.push(parsed.data);
      continue;
    }
    const orderId = OrderIdSchema.safeParse((raw as { orderId?: unknown } | null)?.orderId);
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    if (orderId.success) checked.rejected.push({ orderId: orderId.data, field: field.slice(0, 100) });
  }
  return checked;
}
