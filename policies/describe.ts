import { translator, type Lang } from '@/utils/i18n';
import { platformNames, verdictMessages } from './messages';
import type { Platform } from './platforms';
import { formatChinaTime, DAY_MS, HOUR_MS, MINUTE_MS } from './time';
import { STATE_URGENCY, type ClockKind, type ClockState, type Verdict, type VerdictNote } from './verdict';

/**
 * Plain-text presentation of verdicts: the same words in the CLI, the in-page badges, the popup
 * and notifications. Pure functions; every string comes from policies/messages.ts.
 */

const T = { zh: translator(verdictMessages, 'zh'), en: translator(verdictMessages, 'en') };

/**
 * A length of time in two units at most (`3小时12分`, `2天5小时`, `40分`; `3h 12m`). Rounded down
 * to the minute so time left is never overstated; the sign is ignored.
 */
export function formatDuration(ms: number, lang: Lang): string {
  const t = T[lang];
  const abs = Math.abs(ms);
  if (!Number.isFinite(abs)) return '—';
  if (abs < MINUTE_MS) return t('dur.underMinute');
  const d = Math.floor(abs / DAY_MS);
  const h = Math.floor((abs % DAY_MS) / HOUR_MS);
  const m = Math.floor((abs % HOUR_MS) / MINUTE_MS);
  if (d > 0) return h > 0 ? t('dur.daysHours', { d, h }) : t('dur.days', { d });
  if (h > 0) return m > 0 ? t('dur.hoursMinutes', { h, m }) : t('dur.hours', { h });
  return t('dur.minutes', { m });
}

export function platformLabel(platform: Platform, lang: Lang): string {
  return platformNames[lang][platform];
}

/** The short word for what a clock measures (发货, 揽收, 售后 …). */
export function clockLabel(kind: ClockKind, lang: Lang): string {
  return T[lang](`clock.${kind}`);
}

export function stateLabel(state: ClockState, lang: Lang): string {
  return T[lang](`state.${state}`);
}

export function noteLabel(note: VerdictNote, lang: Lang): string {
  return T[lang](`note.${note}`);
}

type BadgeFields = Pick<Verdict, 'clock' | 'state' | 'timeLeftMs' | 'note'>;

function badgeCore(v: BadgeFields, lang: Lang): string {
  const t = T[lang];
  const clock = clockLabel(v.clock, lang);
  switch (v.state) {
    case 'running':
    case 'due-soon':
    case 'critical':
      return v.timeLeftMs === undefined
        ? stateLabel(v.state, lang)
        : t('badge.left', { clock, duration: formatDuration(v.timeLeftMs, lang) });
    case 'breached':
      return v.timeLeftMs === undefined
        ? `${clock} ${stateLabel('breached', lang)}`
        : t('badge.overdue', { clock, duration: formatDuration(v.timeLeftMs, lang) });
    case 'met':
      return t(`done.${v.clock}`);
    case 'met-late':
      return t('badge.lateDone', { clock });
    case 'exempt':
      return t('badge.exempt');
    case 'unknown':
      return t('badge.unknown', { clock });
    case 'done-untimed':
      return t('badge.untimed', { done: t(`done.${v.clock}`) });
    case 'not-applicable':
      return t('badge.notApplicable');
  }
}

/** One badge line: `发货 剩 3小时12分`, `揽收 已超时 2小时`, `已报备`; en `Ship 3h 12m left`. */
export function badgeText(v: BadgeFields, lang: Lang): string {
  const text = badgeCore(v, lang);
  const open = v.state === 'running' || v.state === 'due-soon' || v.state === 'critical' || v.state === 'breached';
  return v.note && open ? T[lang]('badge.withNote', { text, note: noteLabel(v.note, lang) }) : text;
}

/** `截止 03-18 18:00（平台时限）` — where the deadline is and where it came from. */
export function deadlineText(v: Pick<Verdict, 'deadline' | 'deadlineSource'>, lang: Lang): string | undefined {
  if (v.deadline === undefined) return undefined;
  const at = formatChinaTime(v.deadline, 'short');
  return T[lang]('deadline', { at, source: T[lang](`source.${v.deadlineSource ?? 'rule'}`) });
}

type UrgencyFields = Pick<Verdict, 'state' | 'timeLeftMs' | 'informational'>;

/**
 * Sort order, most urgent first: by STATE_URGENCY, then merchant clocks before buyer windows,
 * then least time left (clocks without a deadline last).
 */
export function compareUrgency(a: UrgencyFields, b: UrgencyFields): number {
  const byState = STATE_URGENCY[b.state] - STATE_URGENCY[a.state];
  if (byState !== 0) return byState;
  if (a.informational !== b.informational) return a.informational ? 1 : -1;
  const ta = a.timeLeftMs ?? Infinity;
  const tb = b.timeLeftMs ?? Infinity;
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}

/** The verdict a single badge or notification should show for a set (e.g. one order's clocks). */
export function mostUrgent<V extends UrgencyFields>(verdicts: readonly V[]): V | undefined {
  let best: V | undefined;
  for (const v of verdicts) if (best === undefined || compareUrgency(v, best) < 0) best = v;
  return best;
}
