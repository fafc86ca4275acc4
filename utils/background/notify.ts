import { browser } from 'wxt/browser';
import { badgeText, compareUrgency, stateLabel } from '@/policies/describe';
import type { Verdict } from '@/policies/verdict';
import { commonMessages } from '@/components/common/messages';
import { translator, type Lang } from '@/utils/i18n';
import { inQuietHours, type ExtensionSettings } from '@/utils/settings';
import { clockKey } from './keys';
import { isHidden } from './marks';
import { notificationMessages } from './messages';
import type { Mark } from './schemas';

/** Notification id (and key in the persisted sent set) of one clock entering one state. */
export function sentKey(v: Pick<Verdict, 'platform' | 'orderId' | 'ruleId' | 'subjectId' | 'state'>): string {
  return `${clockKey(v)}|${v.state}`;
}

export interface NotificationPlan {
  /** Show these now. */
  send: Verdict[];
  /** Persist these sent keys before showing anything (shown, muted, or superseded). */
  record: string[];
  /** Some were held back (quiet hours, snooze): wake again when that ends. */
  deferred: boolean;
}

/**
 * Which notifications are due: one per clock turning critical and one turning breached, never
 * twice (the sent set is persisted), none for muted platforms, none during quiet hours (they
 * follow once quiet hours end), none for an acknowledged clock.
 * `verdicts` are the merchant's clocks on enabled platforms.
 */
export function planNotifications(
  verdicts: readonly Verdict[],
  notified: Readonly<Record<string, number>>,
  marks: Readonly<Record<string, Mark>>,
  settings: ExtensionSettings,
  now: number,
): NotificationPlan {
  const plan: NotificationPlan = { send: [], record: [], deferred: false };
  const { enabled, mutedPlatforms, quietHours } = settings.notifications;
  const quiet = inQuietHours(quietHours, now);
  for (const v of verdicts) {
    if ((v.state !== 'critical' && v.state !== 'breached') || v.informational) continue;
    const key = sentKey(v);
    if (notified[key] !== undefined) continue;
    const mark = marks[clockKey(v)];
    const silenced = !enabled || mutedPlatforms.includes(v.platform) || (mark?.kind === 'ack' && isHidden(v, mark, now));
    if (!silenced && (quiet || isHidden(v, mark, now))) {
      plan.deferred = true;
      continue;
    }
    plan.record.push(key);
    // A breach makes a pending "critical" notice pointless.
    if (v.state === 'breached') plan.record.push(sentKey({ ...v, state: 'critical' }));
    if (!silenced) plan.send.push(v);
  }
  return plan;
}

const common = { zh: translator(commonMessages, 'zh'), en: translator(commonMessages, 'en') };
const words = { zh: translator(notificationMessages, 'zh'), en: translator(notificationMessages, 'en') };

export function notificationText(v: Verdict, lang: Lang, rule: string | undefined) {
  const c = common[lang];
  const t = words[lang];
  const badge = badgeText(v, lang);
  return {
    title: t('title', { app: c('appName'), platform: c(`platform.${v.platform}`), state: stateLabel(v.state, lang) }),
    message: rule ? t('bodyWithRule', { orderId: v.orderId, badge, rule }) : t('body', { orderId: v.orderId, badge }),
  };
}

/**
 * More clocks than this turning at once (a first read of a long list) become one summary
 * notification instead of a desktop flooded with one per clock.
 */
export const MAX_SEPARATE_NOTIFICATIONS = 3;
const SUMMARY_LINES = 3;

/** One notification for many clocks, most urgent first. */
export function summaryText(verdicts: readonly Verdict[], lang: Lang) {
  const c = common[lang];
  const t = words[lang];
  const sorted = [...verdicts].sort(compareUrgency);
  const lines = sorted
    .slice(0, SUMMARY_LINES)
    .map((v) => t('summaryLine', { platform: c(`platform.${v.platform}`), orderId: v.orderId, badge: badgeText(v, lang) }));
  if (sorted.length > SUMMARY_LINES) lines.push(t('summaryMore', { count: sorted.length - SUMMARY_LINES }));
  return { title: t('summaryTitle', { app: c('appName'), count: sorted.length }), message: lines.join('\n'), top: sorted[0] };
}

function create(id: string, title: string, message: string): Promise<unknown> {
  return browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    priority: 2,
  });
}

/**
 * Shows what a plan decided to send: one notification per clock, or a single summary when many
 * turn at once. A summary's id starts with the most urgent clock's platform, so a click opens it.
 */
export async function showNotifications(
  verdicts: readonly Verdict[],
  lang: Lang,
  ruleTitle: (ruleId: string) => string | undefined,
  now: number,
): Promise<void> {
  if (verdicts.length > MAX_SEPARATE_NOTIFICATIONS) {
    const { title, message, top } = summaryText(verdicts, lang);
    await create(`${top!.platform}:summary|${now}`, title, message);
    return;
  }
  for (const v of verdicts) {
    const { title, message } = notificationText(v, lang, ruleTitle(v.ruleId));
    await create(sentKey(v), title, message);
  }
}
