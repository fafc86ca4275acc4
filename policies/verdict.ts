import { z } from 'zod';
import { PlatformSchema } from './platforms';

export const ClockStateSchema = z.enum([
  'met',
  'met-late',
  'running',
  'due-soon',
  'critical',
  'breached',
  'exempt',
  'not-applicable',
  'unknown',
  /**
   * The order moved past the step (e.g. received) but the page printed no time for it: the step
   * happened, whether it was on time cannot be told. Calm, never at risk.
   */
  'done-untimed',
]);
export type ClockState = z.infer<typeof ClockStateSchema>;

/** Urgency rank used for sorting: higher is more urgent. */
export const STATE_URGENCY: Record<ClockState, number> = {
  breached: 9,
  critical: 8,
  'due-soon': 7,
  unknown: 6,
  running: 5,
  'met-late': 4,
  // Below a known late finish (a fact) and above a filed or met one (less certain than those).
  'done-untimed': 3,
  exempt: 2,
  met: 1,
  'not-applicable': 0,
};

/** What the clock measures, for grouping and short badge words (发货, 揽收, 售后 …). */
export const ClockKindSchema = z.enum([
  'ship',
  'pickup',
  'hub',
  'tracking',
  'delivery',
  'after-sales',
  'service-ticket',
  'reply',
  'buyer-window',
]);
export type ClockKind = z.infer<typeof ClockKindSchema>;

/** Where a deadline came from: the platform's own displayed instant, or computed by 守约. */
export const DeadlineSourceSchema = z.enum(['platform', 'rule', 'filing']);

/**
 * An assumption the verdict rests on that the merchant must see next to it (e.g. Kuaishou's pet
 * delivery clock counted from payment because the rule does not say from which event).
 */
export const VerdictNoteSchema = z.enum(['counted-from-payment', 'counted-from-shipment', 'agreed-period']);
export type VerdictNote = z.infer<typeof VerdictNoteSchema>;

export const VerdictSchema = z.object({
  platform: PlatformSchema,
  orderId: z.string(),
  ruleId: z.string(),
  /** The rule version used (e.g. `1688.ship@2023-06-07`). */
  versionId: z.string(),
  clock: ClockKindSchema,
  state: ClockStateSchema,
  /** Buyer windows are information, never a merchant breach. */
  informational: z.boolean(),
  deadline: z.number().optional(),
  /** deadline − now, in ms; negative once breached. */
  timeLeftMs: z.number().optional(),
  /** Length of the clock's window, in ms, when it has a start. */
  windowMs: z.number().optional(),
  deadlineSource: DeadlineSourceSchema.optional(),
  /** For `unknown`: the timeline fields the rule needs and the order lacks; for `done-untimed`: the step's time not shown. */
  missing: z.array(z.string()).optional(),
  /** Money the rule says is at stake, in yuan, when it says. */
  moneyAtRiskYuan: z.number().optional(),
  /** For clocks on a sub-record (an after-sales case, a ticket): its id. */
  subjectId: z.string().optional(),
  note: VerdictNoteSchema.optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;
