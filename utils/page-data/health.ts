import { z } from 'zod';
import { OrderStatusSchema } from '@/policies/order';
import { ENDPOINT_IDS } from './endpoints';
import { NotDataReasonSchema } from './result';

/**
 * The data health of one page reading: what the popup's per-platform health line shows. Sent with
 * the page-read message (optional, additive). Holds counts, times, field names and order ids,
 * never buyer data.
 */

export const DisagreementFieldSchema = z.enum(['status', 'amount', 'shipBy']);

/** The page printed one thing and its own data said another; the data won for the countdown. */
export const DisagreementSchema = z.object({
  at: z.number().int(),
  orderId: z.string().max(64),
  field: DisagreementFieldSchema,
  /** What the page showed and what the data said: a status, an amount in yuan, or an instant. */
  page: z.union([OrderStatusSchema, z.number()]),
  data: z.union([OrderStatusSchema, z.number()]),
});
export type Disagreement = z.infer<typeof DisagreementSchema>;

export const ParseFailureSchema = z.object({
  at: z.number().int(),
  endpoint: z.enum(ENDPOINT_IDS),
  /** `unrecognized`: the response no longer has the expected shape; `rows`: some rows were unreadable. */
  kind: z.enum(['not-json', 'unrecognized', 'rows', 'http']),
  detail: z.string().max(300),
});
export type ParseFailure = z.infer<typeof ParseFailureSchema>;

export const DataHealthSchema = z.object({
  /** When the page's list data was last seen (never → undefined: the platform may have changed). */
  jsonSeenAt: z.number().int().optional(),
  /** Rows badged from the page's data joined by order id. */
  matched: z.number().int().min(0),
  /** Rows read from the page text only (no data for them): their deadline may be an estimate. */
  domOnly: z.number().int().min(0),
  /** Rows the page text could not be read for but the data could. */
  rescued: z.number().int().min(0),
  /** Rows neither could read (grey 无法识别 badge). */
  unreadable: z.number().int().min(0),
  lastDisagreement: DisagreementSchema.optional(),
  lastParseFailure: ParseFailureSchema.optional(),
  /** The last time the platform answered with a captcha / login / risk-control page instead of data. */
  lastNotData: z.object({ at: z.number().int(), reason: NotDataReasonSchema }).optional(),
});
export type DataHealth = z.infer<typeof DataHealthSchema>;
