import { browser } from 'wxt/browser';
import { badgeText, stateLabel } from '@/policies/describe';
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

export async function showNotification(v: Verdict, lang: Lang, rule: string | undefined): Promise<void> {
  const { title, message } = notificationText(v, lang, rule);
  await browser.notifications.create(sentKey(v), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    priority: 2,
  });
}
