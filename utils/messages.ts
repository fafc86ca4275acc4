import { z } from 'zod';
import { OrderSchema } from '@/policies/order';
import { PlatformSchema } from '@/policies/platforms';
import { VerdictSchema } from '@/policies/verdict';
import { ThresholdsSchema } from '@/policies/settings';

/**
 * The typed protocol between content scripts (and the popup) and the background worker.
 * The background validates every incoming message with these schemas; anything else is dropped.
 */

export const MAX_ORDERS_PER_MESSAGE = 2_000;

/** A row the adapter could not read: it gets a 无法识别 badge and is left out of evaluation. */
export const UnreadableRowSchema = z.object({
  /** The order id when it could be read, otherwise a positional key. */
  rowKey: z.string().max(100),
  reason: z.string().max(300),
});

export const PageReadMessageSchema = z.object({
  type: z.literal('page-read'),
  platform: PlatformSchema,
  /** Which list was read (path only, no query string: queries can carry search terms). */
  pagePath: z.string().max(300),
  readAt: z.number().int(),
  orders: z.array(OrderSchema).max(MAX_ORDERS_PER_MESSAGE),
  unreadable: z.array(UnreadableRowSchema).max(MAX_ORDERS_PER_MESSAGE),
});
export type PageReadMessage = z.input<typeof PageReadMessageSchema>;

/** Ask again for the verdicts of orders already sent (the page ticks without re-reading the DOM). */
export const VerdictsQuerySchema = z.object({
  type: z.literal('verdicts'),
  platform: PlatformSchema,
  orderIds: z.array(z.string().max(64)).max(MAX_ORDERS_PER_MESSAGE),
});

export const IncomingMessageSchema = z.discriminatedUnion('type', [
  PageReadMessageSchema,
  VerdictsQuerySchema,
]);
export type IncomingMessage = z.input<typeof IncomingMessageSchema>;

export const VerdictsReplySchema = z.object({
  ok: z.literal(true),
  now: z.number(),
  lang: z.enum(['zh', 'en']),
  thresholds: ThresholdsSchema,
  verdicts: z.array(VerdictSchema),
});
export const ErrorReplySchema = z.object({ ok: z.literal(false), error: z.string() });
export const ReplySchema = z.union([VerdictsReplySchema, ErrorReplySchema]);
export type VerdictsReply = z.infer<typeof VerdictsReplySchema>;
export type Reply = z.infer<typeof ReplySchema>;
