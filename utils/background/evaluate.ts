// placeholder until policies/engine lands
import type { Order } from '@/policies/order';
import type { Verdict } from '@/policies/verdict';
import type { ExtensionSettings } from '@/utils/settings';
import type { Lang } from '@/utils/i18n';
export function evaluateOrders(_o: Order[], _n: number, _s: ExtensionSettings): Verdict[] { return []; }
export function nextChange(_o: Order[], _n: number, _s: ExtensionSettings): number | undefined { return undefined; }
export function ruleTitle(_r: string, _l: Lang): string | undefined { return undefined; }
