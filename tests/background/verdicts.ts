import type { Verdict } from '@/policies/verdict';

/** A verdict as the engine returns it; `over` replaces any field. */
export function verdict(over: Partial<Verdict> & Pick<Verdict, 'orderId' | 'state'>): Verdict {
  return {
    platform: 'douyin',
    ruleId: 'douyin.ship',
    versionId: 'douyin.ship@base',
    clock: 'ship',
    informational: false,
    deadline: 0,
    timeLeftMs: 0,
    ...over,
  };
}
