import { CATALOG } from '@/policies/catalog';
import { badgeText, mostUrgent } from '@/policies/describe';
import { evaluate } from '@/policies/engine';
import { OrderSchema } from '@/policies/order';
import type { Verdict } from '@/policies/verdict';
import type { Fixture } from '@/tests/fixtures/pages';

/** What a merchant must see on one order's row: the most urgent clock's words and state. */
export interface ExpectedBadge {
  orderId: string;
  text: string;
  state: Verdict['state'];
  verdict: Verdict;
}

/**
 * The verdicts the shipped engine gives the fixture's orders at `now` under default settings,
 * computed here, in Node, independently of the extension.
 */
export function expectedVerdicts(fixture: Fixture, now: number): Verdict[] {
  const orders = fixture.expected.flatMap((e) => (e.order ? [OrderSchema.parse(e.order)] : []));
  return evaluate(orders, CATALOG, now);
}

export function expectedBadges(fixture: Fixture, now: number): Map<string, ExpectedBadge> {
  const byOrder = new Map<string, Verdict[]>();
  for (const v of expectedVerdicts(fixture, now)) byOrder.set(v.orderId, [...(byOrder.get(v.orderId) ?? []), v]);
  const badges = new Map<string, ExpectedBadge>();
  for (const [orderId, verdicts] of byOrder) {
    const top = mostUrgent(verdicts);
    if (top) badges.set(orderId, { orderId, text: badgeText(top, 'zh'), state: top.state, verdict: top });
  }
  return badges;
}
