import { z } from 'zod';

/**
 * Settings the engine reads. Defaults are the product's documented defaults; the options page edits
 * them. Rule numbers no source confirms are catalog "named settings" (see policies/catalog) whose
 * values the merchant may override here by setting id.
 */
export const ThresholdsSchema = z.object({
  /** A running clock turns due-soon when time left ≤ max(fraction × window, floor). */
  dueSoonFraction: z.number().min(0).max(1).default(0.25),
  dueSoonFloorMinutes: z.number().min(0).max(7 * 24 * 60).default(120),
  /** …and critical when time left ≤ max(fraction × window, floor). */
  criticalFraction: z.number().min(0).max(1).default(0.1),
  criticalFloorMinutes: z.number().min(0).max(7 * 24 * 60).default(30),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const ShopPromisesSchema = z.object({
  /** The shop promises 当日发 on every order (in addition to what each order shows). */
  sameDayShip: z.boolean().default(false),
  /** The shop promises 24小时发 on every order. */
  ship24h: z.boolean().default(false),
});

export const EngineSettingsSchema = z.object({
  thresholds: ThresholdsSchema.default(ThresholdsSchema.parse({})),
  shopPromises: ShopPromisesSchema.default(ShopPromisesSchema.parse({})),
  /** Overrides of the catalog's named settings, by setting id (e.g. `douyin.defaultShipHours`). */
  ruleParams: z.record(z.string().max(80), z.number().finite()).default({}),
});
export type EngineSettings = z.infer<typeof EngineSettingsSchema>;

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = EngineSettingsSchema.parse({});
