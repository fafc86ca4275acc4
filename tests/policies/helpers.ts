import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import { OrderSchema, type Order, type OrderInput } from '@/policies/order';
import { DEFAULT_ENGINE_SETTINGS, EngineSettingsSchema, type EngineSettings } from '@/policies/settings';
import type { Verdict } from '@/policies/verdict';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** An instant from a China wall clock, e.g. cst('2024-06-03 10:00'). */
export function cst(wall: string): number {
  const ms = Date.parse(`${wall.replace(' ', 'T')}+08:00`);
  if (Number.isNaN(ms)) throw new Error(`bad test time ${wall}`);
  return ms;
}

export function order(input: Partial<OrderInput> & Pick<OrderInput, 'platform'>): Order {
  return OrderSchema.parse({ orderId: 'T1', readAt: cst('2024-01-01 00:00'), ...input });
}

export function settingsWith(input: Record<string, unknown>): EngineSettings {
  return EngineSettingsSchema.parse(input);
}

/** The verdict of one rule for one order (undefined when the rule produced none). */
export function verdictOf(
  o: Order,
  ruleId: string,
  now: number,
  settings: EngineSettings = DEFAULT_ENGINE_SETTINGS,
): Verdict | undefined {
  return evaluate([o], CATALOG, now, settings).find((v) => v.ruleId === ruleId);
}

export function mustVerdict(o: Order, ruleId: string, now: number, settings?: EngineSettings): Verdict {
  const v = verdictOf(o, ruleId, now, settings);
  if (!v) throw new Error(`no verdict for ${ruleId}`);
  return v;
}
