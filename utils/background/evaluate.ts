import { CATALOG } from '@/policies/catalog';
import { evaluate, nextTransitionAt, type EvaluateOptions } from '@/policies/engine';
import type { Order } from '@/policies/order';
import type { Verdict } from '@/policies/verdict';
import type { ExtensionSettings } from '@/utils/settings';

/** The worker's view of the engine: the whole catalog, the merchant's settings. */
export function evaluateOrders(
  orders: readonly Order[],
  now: number,
  settings: ExtensionSettings,
  options?: EvaluateOptions,
): Verdict[] {
  return evaluate(orders, CATALOG, now, settings, options);
}

/** When the next clock changes state on its own (the next alarm). */
export function nextChange(verdicts: readonly Verdict[], settings: ExtensionSettings): number | undefined {
  return nextTransitionAt(verdicts, settings);
}

export { ruleTitle } from '@/components/common/rules';
