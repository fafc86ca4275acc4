import type { Verdict } from '@/policies/verdict';

export const BADGE_RED = '#d93025';
export const BADGE_AMBER = '#e37400';

export interface Badge {
  text: string;
  color: string;
}

/**
 * The toolbar badge for the clocks that need attention (already filtered to enabled platforms,
 * merchant clocks, not acknowledged or snoozed): critical + breached in red, else due-soon in
 * amber, else nothing.
 */
export function badgeFor(verdicts: readonly Pick<Verdict, 'state'>[]): Badge {
  let urgent = 0;
  let soon = 0;
  for (const v of verdicts) {
    if (v.state === 'critical' || v.state === 'breached') urgent++;
    else if (v.state === 'due-soon') soon++;
  }
  const show = (n: number) => (n > 999 ? '999+' : String(n));
  if (urgent > 0) return { text: show(urgent), color: BADGE_RED };
  if (soon > 0) return { text: show(soon), color: BADGE_AMBER };
  return { text: '', color: BADGE_AMBER };
}
