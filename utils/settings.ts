import { z } from 'zod';
import { EngineSettingsSchema } from '@/policies/settings';
import { PLATFORMS, PlatformSchema, type Platform } from '@/policies/platforms';

/**
 * The extension's settings: the engine's settings plus what only the extension needs (which
 * platforms are on, notifications, language, how long data is kept). Stored in `settingsItem`.
 */

const MINUTES_PER_DAY = 24 * 60;
const minuteOfDay = z.number().int().min(0).max(MINUTES_PER_DAY - 1);

/**
 * Quiet hours are the merchant's own wall clock (the computer's time zone), not China time: they
 * describe when the merchant sleeps, wherever they are. `start` may be after `end` (overnight).
 */
export const QuietHoursSchema = z.object({
  enabled: z.boolean().default(false),
  startMinute: minuteOfDay.default(22 * 60),
  endMinute: minuteOfDay.default(8 * 60),
});
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const NotificationSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  quietHours: QuietHoursSchema.default(QuietHoursSchema.parse({})),
  mutedPlatforms: z.array(PlatformSchema).max(PLATFORMS.length).default([]),
});

export const ExtensionSettingsSchema = EngineSettingsSchema.extend({
  enabledPlatforms: z.array(PlatformSchema).max(PLATFORMS.length).default([...PLATFORMS]),
  notifications: NotificationSettingsSchema.default(NotificationSettingsSchema.parse({})),
  lang: z.enum(['zh', 'en']).default('zh'),
  /** Orders not read again for this many days are forgotten. */
  retentionDays: z.number().int().min(1).max(365).default(30),
});
export type ExtensionSettings = z.infer<typeof ExtensionSettingsSchema>;

export const DEFAULT_SETTINGS: ExtensionSettings = ExtensionSettingsSchema.parse({});

export function isPlatformEnabled(settings: ExtensionSettings, platform: Platform): boolean {
  return settings.enabledPlatforms.includes(platform);
}

/** True when `at` falls inside the quiet hours, read on the computer's own clock. */
export function inQuietHours(quiet: QuietHours, at: number): boolean {
  if (!quiet.enabled || quiet.startMinute === quiet.endMinute) return false;
  const d = new Date(at);
  const minute = d.getHours() * 60 + d.getMinutes();
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
}

/** The next instant after `at` when the quiet hours end (local wall clock), if they are on now. */
export function quietHoursEnd(quiet: QuietHours, at: number): number | undefined {
  if (!inQuietHours(quiet, at)) return undefined;
  const end = new Date(at);
  end.setHours(Math.floor(quiet.endMinute / 60), quiet.endMinute % 60, 0, 0);
  if (end.getTime() <= at) end.setDate(end.getDate() + 1);
  return end.getTime();
}
