import { compareUrgency, formatDuration } from '@/policies/describe';
import type { Platform } from '@/policies/platforms';
import { HOUR_MS, MINUTE_MS } from '@/policies/time';
import type { ClockState } from '@/policies/verdict';
import { isHidden } from '@/utils/background/marks';
import type { PopupItem } from '@/utils/background/schemas';
import { translator, type Lang } from '@/utils/i18n';
import { popupMessages } from './messages';

/** Pure view logic of the popup: filtering, ordering and the ticking countdown text. */

export type StateFilter = 'action' | 'breached' | 'critical' | 'due-soon' | 'unknown' | 'running';
export const STATE_FILTERS: readonly StateFilter[] = ['action', 'breached', 'critical', 'due-soon', 'unknown', 'running'];
const ACTION: ReadonlySet<ClockState> = new Set(['breached', 'critical', 'due-soon', 'unknown']);

export interface Filters {
  platform: Platform | 'all';
  state: StateFilter;
  query: string;
  showHidden: boolean;
}

/** Time left at `now` (the snapshot's timeLeftMs is from when it was computed). */
export function timeLeftAt(item: Pick<PopupItem, 'deadline' | 'timeLeftMs'>, now: number): number | undefined {
  return item.deadline === undefined ? item.timeLeftMs : item.deadline - now;
}

export interface ListView {
  items: PopupItem[];
  hidden: number;
}

/** The items the filters let through, most urgent first, and how many marks hide. */
export function listView(all: readonly PopupItem[], f: Filters, now: number): ListView {
  const query = f.query.trim().toLowerCase();
  const matching = all.filter(
    (i) =>
      (f.platform === 'all' || i.platform === f.platform) &&
      (f.state === 'action' ? ACTION.has(i.state) : i.state === f.state) &&
      (query === '' || i.orderId.toLowerCase().includes(query)),
  );
  const hidden = matching.filter((i) => isHidden(i, i.mark, now));
  const shown = f.showHidden ? matching : matching.filter((i) => !hidden.includes(i));
  const items = shown.map((i) => ({ ...i, timeLeftMs: timeLeftAt(i, now) })).sort(compareUrgency);
  return { items, hidden: hidden.length };
}

/** `剩 2小时5分` above an hour, `剩 12分05秒` below it so the tick is visible; `已超时 …` after. */
export function countdownText(ms: number, lang: Lang): string {
  const t = translator(popupMessages, lang);
  const abs = Math.abs(ms);
  const core =
    abs >= HOUR_MS
      ? formatDuration(abs, lang)
      : t('clock.minSec', { m: Math.floor(abs / MINUTE_MS), s: String(Math.floor((abs % MINUTE_MS) / 1000)).padStart(2, '0') });
  return ms >= 0 ? t('item.left', { t: core }) : t('item.overdue', { t: core });
}

/** `3分钟前`, `2小时前`: how long ago a platform was read. */
export function agoText(at: number, now: number, lang: Lang): string {
  const t = translator(popupMessages, lang);
  const ms = Math.max(0, now - at);
  if (ms < MINUTE_MS) return t('ago.justNow');
  if (ms < HOUR_MS) return t('ago.minutes', { n: Math.floor(ms / MINUTE_MS) });
  if (ms < 24 * HOUR_MS) return t('ago.hours', { n: Math.floor(ms / HOUR_MS) });
  return t('ago.days', { n: Math.floor(ms / (24 * HOUR_MS)) });
}
