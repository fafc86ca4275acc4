import type { PageReadMessageSchema } from '@/utils/messages';
import type { z } from 'zod';
import { MAX_REASONS, type ReadHealth, type ReadHealthMap } from './schemas';

/** A platform's data is stale when its last reading is older than this. */
export const STALE_AFTER_MS = 3 * 3_600_000;

/** The platform's read health after one page reading (the latest reading describes the page). */
export function recordReading(
  health: ReadHealthMap,
  message: z.infer<typeof PageReadMessageSchema>,
  now: number,
): ReadHealthMap {
  const reasons = [...new Set(message.unreadable.map((u) => u.reason))].slice(0, MAX_REASONS);
  const entry: ReadHealth = {
    // The page's own clock could be wrong; never record a reading as later than it arrived.
    lastReadAt: Math.min(message.readAt, now),
    pagePath: message.pagePath,
    rows: message.rows ?? message.orders.length,
    unreadable: message.unreadable.length,
    reasons,
    ...(message.dataHealth && { data: message.dataHealth }),
  };
  return { ...health, [message.platform]: entry };
}

export function isStale(entry: ReadHealth | undefined, now: number): boolean {
  return entry !== undefined && now - entry.lastReadAt > STALE_AFTER_MS;
}
