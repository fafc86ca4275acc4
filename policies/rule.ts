import { z } from 'zod';
import { AfterSaleKindSchema, CategorySchema, ServiceSchema, TimelineSchema } from './order';
import { PlatformSchema } from './platforms';
import { ShopPromisesSchema, type EngineSettings } from './settings';
import { CHINA_TZ } from './time';
import { ClockKindSchema } from './verdict';
import { TZDate } from '@date-fns/tz';

/**
 * The shape of a guarantee rule as data. Catalog files (policies/catalog/*.ts) hold one list of
 * rules per platform; the engine reads nothing else. Numbers no source confirms are named
 * settings with a documented default that EngineSettings.ruleParams overrides by id.
 */

const Text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type RuleText = z.infer<typeof Text>;

/** A YYYY-MM-DD day; rule versions take effect at 00:00 China time on it. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const TimelineEventSchema = TimelineSchema.keyof();
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const NamedSettingSchema = z.object({
  /** `platform.name`, the key EngineSettings.ruleParams uses. */
  id: z.string().regex(/^[a-zA-Z0-9]+\.[a-zA-Z0-9-]+$/),
  title: Text,
  value: z.number().finite(),
  unit: z.enum(['hours', 'days', 'hour-of-day', 'yuan', 'choice']),
  /** For unit `choice`: what each value (0, 1 …) means. */
  choices: z.array(Text).optional(),
  min: z.number().finite(),
  max: z.number().finite(),
  /** Where the default comes from. */
  source: z.string().min(1),
  verified: z.boolean(),
});
export type NamedSetting = z.infer<typeof NamedSettingSchema>;

/** A rule parameter: a number the source states, or a named setting. */
export const ParamSchema = z.union([z.number().finite(), NamedSettingSchema]);
export type Param = z.infer<typeof ParamSchema>;

export const RuleSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('seed'),
    /** File name under shared/seeds/. */
    file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
    /** Section heading or passage quoted from the seed. */
    section: z.string().min(1),
  }),
  z.object({
    kind: z.literal('public-rule'),
    /** Where the published rule or field is documented. */
    where: z.string().min(1),
  }),
]);

/** How the clock runs. */
export const ClockSpecSchema = z.discriminatedUnion('type', [
  /** From a timeline event for a duration, satisfied by a later event. */
  z.object({
    type: z.literal('duration'),
    /** The start event; with `fromChoice`, the setting's value picks one of `from` (0, 1 …). */
    from: z.array(TimelineEventSchema).min(1),
    fromChoice: NamedSettingSchema.optional(),
    until: TimelineEventSchema.optional(),
    /** The platform's displayed deadline field, which wins over the computed one. */
    platformDeadline: z.literal('shipBy').optional(),
    /** The order's agreed delivery period replaces the window (Kuaishou live pets). */
    agreedPeriodReplaces: z.boolean().default(false),
  }),
  /** Ship on the China calendar day of `from` if it happened before the cutoff hour, else next day. */
  z.object({
    type: z.literal('same-day-cutoff'),
    from: z.array(TimelineEventSchema).length(1),
    until: TimelineEventSchema,
    platformDeadline: z.literal('shipBy').optional(),
  }),
  /** One clock per sub-record (after-sales case, service ticket, buyer message). */
  z.object({
    type: z.literal('case'),
    subject: z.enum(['afterSales', 'serviceTickets', 'buyerMessages']),
    /** For after-sales: only these kinds (all when absent). */
    kinds: z.array(AfterSaleKindSchema).optional(),
  }),
  /** A duty 守约 cannot observe per order (shop settings, scores, confirmations): catalog only. */
  z.object({ type: z.literal('checklist'), scope: z.enum(['shop', 'order']) }),
]);
export type ClockSpec = z.infer<typeof ClockSpecSchema>;

export const RuleVersionSchema = z.object({
  /** Absent: in force since before any date the sources give. */
  effectiveFrom: Day.optional(),
  effectiveTo: Day.optional(),
  /** The window length in hours (duration and case clocks: fallback when no platform deadline). */
  windowHours: ParamSchema.optional(),
  /** For same-day-cutoff clocks: the China hour of day after which shipping moves to the next day. */
  cutoffHour: ParamSchema.optional(),
  /** Money the rule puts at stake: a fixed amount per main order plus an amount per sub-order. */
  money: z
    .object({ perMainOrderYuan: ParamSchema.optional(), perSubOrderYuan: ParamSchema.optional() })
    .optional(),
  note: Text.optional(),
});
export type RuleVersion = z.infer<typeof RuleVersionSchema>;

export const RuleSchema = z.object({
  id: z.string().regex(/^[a-zA-Z0-9]+\.[a-z0-9-]+$/),
  platform: PlatformSchema,
  clock: ClockKindSchema,
  title: Text,
  source: RuleSourceSchema,
  appliesTo: z
    .object({
      /** Any of these categories (all orders when absent). */
      categories: z.array(CategorySchema).optional(),
      /** Any of these services shown on the order (all orders when absent)… */
      services: z.array(ServiceSchema).optional(),
      /** …or this shop-wide promise in the settings. */
      shopPromise: ShopPromisesSchema.keyof().optional(),
      crossBorder: z.enum(['any', 'exclude', 'only']).default('any'),
    })
    .default({ crossBorder: 'any' }),
  spec: ClockSpecSchema,
  /** Buyer windows: information for the merchant, never a merchant breach. */
  informational: z.boolean().default(false),
  /** Versions in date order; an order is judged by the one in force when its clock started. */
  versions: z.array(RuleVersionSchema).min(1),
  consequence: Text,
});
export type Rule = z.infer<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;
export type Catalog = readonly Rule[];

/** 00:00 China time of a YYYY-MM-DD day. */
export function chinaDayInstant(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, CHINA_TZ).getTime();
}

export function versionId(rule: Rule, version: RuleVersion): string {
  return `${rule.id}@${version.effectiveFrom ?? 'base'}`;
}

/** A parameter's value under the merchant's overrides (out-of-range overrides are ignored). */
export function resolveParam(param: Param, settings: Pick<EngineSettings, 'ruleParams'>): number {
  if (typeof param === 'number') return param;
  const override = settings.ruleParams[param.id];
  return override !== undefined && override >= param.min && override <= param.max ? override : param.value;
}

/** Every named setting the catalog uses, once each, in catalog order (for the options page). */
export function catalogSettings(catalog: Catalog): NamedSetting[] {
  const seen = new Map<string, NamedSetting>();
  const add = (p: Param | undefined) => {
    if (p !== undefined && typeof p !== 'number' && !seen.has(p.id)) seen.set(p.id, p);
  };
  for (const rule of catalog) {
    if (rule.spec.type === 'duration') add(rule.spec.fromChoice);
    for (const v of rule.versions) {
      add(v.windowHours);
      add(v.cutoffHour);
      add(v.money?.perMainOrderYuan);
      add(v.money?.perSubOrderYuan);
    }
  }
  return [...seen.values()];
}

/** Builds a rule from catalog data, validating it (a malformed catalog fails at load, in tests). */
export function defineRule(input: RuleInput): Rule {
  return RuleSchema.parse(input);
}

/** Builds a named setting (the options page lists it; unverified numbers say so). */
export function defineSetting(input: NamedSetting): NamedSetting {
  return NamedSettingSchema.parse(input);
}
