import type { Platform } from '@/policies/platforms';
import type { Verdict } from '@/policies/verdict';

/**
 * Keys for stored records. Order ids are `[A-Za-z0-9_-]+` (OrderIdSchema) and platforms are enum
 * words, so `:` cannot occur inside either and the first two parts always split back out.
 */

export function orderKey(o: { platform: Platform; orderId: string }): string {
  return `${o.platform}:${o.orderId}`;
}

/** One clock of one order (a rule, on a sub-record such as an after-sales case when it has one). */
export function clockKey(v: Pick<Verdict, 'platform' | 'orderId' | 'ruleId' | 'subjectId'>): string {
  return `${v.platform}:${v.orderId}:${v.ruleId}:${v.subjectId ?? ''}`;
}

export function orderKeyOfClock(key: string): string {
  return key.split(':', 2).join(':');
}
