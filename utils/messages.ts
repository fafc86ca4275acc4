import { z } from 'zod';
import { OrderIdSchema, type Order } from '@/policies/order';
import { PlatformSchema } from '@/policies/platforms';
import { VerdictSchema, type Verdict } from '@/policies/verdict';
import { ThresholdsSchema } from '@/policies/settings';
import { PlatformSummarySchema, PopupItemSchema, ProblemsSchema } from '@/utils/background/schemas';
import { DataHealthSchema } from '@/utils/page-data/health';

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
  /**
   * The orders read that the background has not seen as they are now (a page sends what changed).
   * Each is checked on its own (`checkOrders`): one order the schema rejects costs only itself,
   * and the reply names it.
   */
  orders: z.array(z.unknown()).max(MAX_ORDERS_PER_MESSAGE),
  /** How many orders the page shows in all; absent when `orders` is all of them. */
  rows: z.number().int().nonnegative().max(100_000).optional(),
  unreadable: z.array(UnreadableRowSchema).max(MAX_ORDERS_PER_MESSAGE),
  /** How the page's own list data matched the rows (issue 7); absent where no data is observed. */
  dataHealth: DataHealthSchema.optional(),
});
/** A page sends the orders it built (typed); the background takes them as unknown until checked. */
export type PageReadMessage = Omit<z.input<typeof PageReadMessageSchema>, 'orders'> & { orders: Order[] };

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
export type IncomingMessage = PageReadMessage | z.input<typeof VerdictsQuerySchema>;

/** An order of a page reading that the background would not take: its row shows 无法识别. */
export const RejectedOrderSchema = z.object({
  orderId: OrderIdSchema,
  /** Where the order broke the schema, e.g. `amount` or `afterSales.0.requestedAt`. */
  field: z.string().max(100),
});
export type RejectedOrder = z.infer<typeof RejectedOrderSchema>;

export const VerdictsReplySchema = z.object({
  ok: z.literal(true),
  now: z.number(),
  lang: z.enum(['zh', 'en']),
  thresholds: ThresholdsSchema,
  verdicts: z.array(VerdictSchema),
  rejected: z.array(RejectedOrderSchema).max(MAX_ORDERS_PER_MESSAGE).optional(),
});
export const ErrorReplySchema = z.object({ ok: z.literal(false), error: z.string() });
const namesAnOrder = (v: unknown) => typeof (v as { orderId?: unknown } | null)?.orderId === 'string';

/**
 * What a page checks of its worker's reply. Only this extension's own worker can answer a content
 * script's runtime message (a web page cannot), and it builds the reply as a VerdictsReply (its
 * tests hold it to VerdictsReplySchema): the page checks the envelope and that each verdict names
 * an order, and takes the verdicts as typed. Checking every verdict against VerdictSchema in a
 * content script (zod without its compiled fast path) cost the first read of 1,000 rows ~40 ms; the
 * list is checked in one loop, as zod's array would wrap each verdict in a result of its own.
 */
export const PageReplySchema = z.union([
  VerdictsReplySchema.extend({ verdicts: z.custom<Verdict[]>((list) => Array.isArray(list) && list.every(namesAnOrder)) }),
  ErrorReplySchema,
]);
export type VerdictsReply = z.infer<typeof VerdictsReplySchema>;
export type Reply = VerdictsReply | z.infer<typeof ErrorReplySchema>;

/**
 * Messages from the extension's own pages (popup, options). The background accepts them only from
 * a sender whose URL is one of this extension's pages, never from a content script.
 */
export const PopupStateQuerySchema = z.object({ type: z.literal('popup-state') });
export const MarkMessageSchema = z.object({
  type: z.literal('mark'),
  key: z.string().max(300),
  action: z.enum(['ack', 'snooze', 'clear']),
  /** For `snooze`: how long, at most a week. */
  snoozeMs: z.number().int().min(60_000).max(7 * 24 * 3_600_000).optional(),
});
export const DeleteAllDataSchema = z.object({ type: z.literal('delete-all-data') });
/** The options page saved the settings: the background reads storage again (it keeps a copy) and recomputes. */
export const SettingsChangedSchema = z.object({ type: z.literal('settings-changed') });

export const ExtensionPageMessageSchema = z.discriminatedUnion('type', [
  PopupStateQuerySchema,
  MarkMessageSchema,
  DeleteAllDataSchema,
  SettingsChangedSchema,
]);
export type ExtensionPageMessage = z.input<typeof ExtensionPageMessageSchema>;

export const PopupStateReplySchema = z.object({
  ok: z.literal(true),
  now: z.number(),
  lang: z.enum(['zh', 'en']),
  /** Age after which a platform's last reading counts as stale. */
  staleAfterMs: z.number(),
  platforms: z.array(PlatformSummarySchema),
  items: z.array(PopupItemSchema),
  problems: ProblemsSchema,
});
export type PopupStateReply = z.infer<typeof PopupStateReplySchema>;
export const DoneReplySchema = z.object({ ok: z.literal(true) });
