import { z } from 'zod';

/**
 * An absolute instant, stored as epoch milliseconds. JSON input may also give an ISO-8601 string
 * with an explicit offset (`2024-03-18T10:00:00+08:00`); a string without an offset is rejected
 * because it would be read in the computer's own zone.
 */
export const MAX_INSTANT_MS = 8_640_000_000_000;

export const InstantSchema = z.union([
  z.number().int().min(0).max(MAX_INSTANT_MS),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);
export type Instant = z.infer<typeof InstantSchema>;
