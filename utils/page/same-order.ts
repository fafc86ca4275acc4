import type { Order } from '@/policies/order';
import type { Verdict } from '@/policies/verdict';

/**
 * Two readings of an order are the same news for the background when they are equal but for their
 * reading time. Compared as the JSON the background stores (a field set to undefined is a field
 * left out), value by value: keeping a JSON copy of every order sent would keep a string per row
 * alive for the whole session, and writing one costs more than comparing.
 */
export const sameButReadAt = (a: Order, b: Order): boolean => sameJson(a, b, 'readAt');

/**
 * Two verdict lists say the same but for the time left, which each side counts from its own clock
 * (a page's tick and its background's answer, milliseconds apart).
 */
export const sameButTimeLeft = (a: readonly Verdict[], b: readonly Verdict[]): boolean =>
  a.length === b.length && a.every((v, i) => sameJson(v, b[i], 'timeLeftMs'));

function sameJson(a: unknown, b: unknown, skipKey?: string): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let fields = 0;
  for (const key in x) {
    if (key === skipKey || x[key] === undefined) continue;
    fields++;
    if (!sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (key !== skipKey && y[key] !== undefined) fields--;
  return fields === 0;
}
