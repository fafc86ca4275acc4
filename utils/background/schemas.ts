import { z } from 'zod';
import { PlatformSchema } from '@/policies/platforms';
import { ClockStateSchema, VerdictSchema } from '@/policies/verdict';
import { DataHealthSchema } from '@/utils/page-data/health';

/** Shapes the worker stores and the popup receives (pure zod, no browser API). */

export const MAX_REASONS = 5;

/** How the last reading of a platform's page went. */
export const ReadHealthSchema = z.object({
  lastReadAt: z.number(),
  pagePath: z.string().max(300),
  rows: z.number().int().min(0),
  unreadable: z.number().int().min(0),
  /** A few distinct reasons rows could not be read, for the popup's "could not read" line. */
  reasons: z.array(z.string().max(300)).max(MAX_REASONS),
  /** How the page's own list data matched the rows (issue 7), for the popup's health line. */
  data: DataHealthSchema.optional(),
});
export type ReadHealth = z.infer<typeof ReadHealthSchema>;
export const ReadHealthMapSchema = z.partialRecord(PlatformSchema, ReadHealthSchema);
export type ReadHealthMap = z.infer<typeof ReadHealthMapSchema>;

/**
 * The merchant's mark on one clock: acknowledged (hidden until it gets worse) or snoozed (hidden,
 * and not notified, until `until`).
 */
export const MarkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ack'), state: ClockStateSchema, at: z.number() }),
  z.object({ kind: z.literal('snooze'), until: z.number(), at: z.number() }),
]);
export type Mark = z.infer<typeof MarkSchema>;
export const MarksSchema = z.record(z.string().max(300), MarkSchema);

/** Problems the popup must show instead of looking calm. */
export const ProblemsSchema = z.object({
  /** The last failed write (e.g. the storage quota is full). Cleared by the next good write. */
  storage: z.object({ at: z.number(), message: z.string().max(500) }).optional(),
  /** Stored values that had the wrong shape and were dropped. */
  corrupted: z
    .object({ at: z.number(), count: z.number().int().min(0), items: z.array(z.string().max(200)).max(20) })
    .optional(),
});
export type Problems = z.infer<typeof ProblemsSchema>;

export const PopupItemSchema = VerdictSchema.extend({
  /** Identifies the clock for marks and notifications. */
  key: z.string(),
  amount: z.number().optional(),
  subOrderCount: z.number().int(),
  readAt: z.number(),
  mark: MarkSchema.optional(),
});
export type PopupItem = z.infer<typeof PopupItemSchema>;

export const PlatformSummarySchema = z.object({
  platform: PlatformSchema,
  enabled: z.boolean(),
  orders: z.number().int(),
  counts: z.partialRecord(ClockStateSchema, z.number().int()),
  health: ReadHealthSchema.optional(),
});
export type PlatformSummary = z.infer<typeof PlatformSummarySchema>;
