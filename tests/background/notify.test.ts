import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  MAX_SEPARATE_NOTIFICATIONS,
  notificationText,
  planNotifications,
  sentKey,
  showNotifications,
  summaryText,
} from '@/utils/background/notify';
import { DEFAULT_SETTINGS, ExtensionSettingsSchema, type ExtensionSettings } from '@/utils/settings';
import { verdict } from './verdicts';

const NOW = new Date(2025, 5, 18, 14, 0).getTime(); // 14:00 on the computer's own clock

function settings(notifications: Partial<ExtensionSettings['notifications']>): ExtensionSettings {
  return ExtensionSettingsSchema.parse({ notifications: { ...DEFAULT_SETTINGS.notifications, ...notifications } });
}

describe('planNotifications', () => {
  const critical = verdict({ orderId: 'A1', state: 'critical', timeLeftMs: 20 * 60_000 });
  const breached = verdict({ orderId: 'B2', state: 'breached', timeLeftMs: -5 * 60_000 });
  const soon = verdict({ orderId: 'C3', state: 'due-soon' });
  const buyerWindow = verdict({ orderId: 'D4', state: 'breached', informational: true, clock: 'buyer-window' });

  it('notifies critical and breached merchant clocks, nothing else', () => {
    const plan = planNotifications([critical, breached, soon, buyerWindow], {}, {}, DEFAULT_SETTINGS, NOW);
    expect(plan.send.map((v) => v.orderId)).toEqual(['A1', 'B2']);
    // the breach also retires a critical notice that was never sent
    expect(plan.record).toEqual([sentKey(critical), sentKey(breached), sentKey({ ...breached, state: 'critical' })]);
  });

  it('never repeats what the persisted sent set holds; a later breach is new', () => {
    const sent = { [sentKey(critical)]: NOW - 1 };
    expect(planNotifications([critical], sent, {}, DEFAULT_SETTINGS, NOW).send).toEqual([]);
    const nowBreached = { ...critical, state: 'breached' as const };
    expect(planNotifications([nowBreached], sent, {}, DEFAULT_SETTINGS, NOW).send).toEqual([nowBreached]);
  });

  it('mutes a platform without a later flood, and turns all off', () => {
    const muted = planNotifications([critical], {}, {}, settings({ mutedPlatforms: ['douyin'] }), NOW);
    expect(muted.send).toEqual([]);
    expect(muted.record).toEqual([sentKey(critical)]);
    const off = planNotifications([critical], {}, {}, settings({ enabled: false }), NOW);
    expect(off.send).toEqual([]);
  });

  it('holds notifications during quiet hours (local time) and sends them after', () => {
    const quiet = settings({ quietHours: { enabled: true, startMinute: 13 * 60, endMinute: 15 * 60 } });
    const during = planNotifications([critical], {}, {}, quiet, NOW);
    expect(during).toEqual({ send: [], record: [], deferred: true });
    const after = planNotifications([critical], {}, {}, quiet, NOW + 60 * 60_000);
    expect(after.send).toEqual([critical]);
  });

  it('respects snooze (later) and acknowledgement (never, unless it gets worse)', () => {
    const key = 'douyin:A1:douyin.ship:';
    const snoozed = { [key]: { kind: 'snooze' as const, until: NOW + 60_000, at: NOW } };
    expect(planNotifications([critical], {}, snoozed, DEFAULT_SETTINGS, NOW).deferred).toBe(true);
    expect(planNotifications([critical], {}, snoozed, DEFAULT_SETTINGS, NOW + 60_000).send).toEqual([critical]);
    const acked = { [key]: { kind: 'ack' as const, state: 'critical' as const, at: NOW } };
    const plan = planNotifications([critical], {}, acked, DEFAULT_SETTINGS, NOW);
    expect(plan.send).toEqual([]);
    expect(plan.record).toEqual([sentKey(critical)]);
    const worse = { ...critical, state: 'breached' as const };
    expect(planNotifications([worse], {}, acked, DEFAULT_SETTINGS, NOW).send).toEqual([worse]);
  });

  it('says platform, order id, clock, time left and rule, in either language', () => {
    const zh = notificationText(critical, 'zh', '发货时效');
    expect(zh.title).toBe('守约 · 抖店 · 紧急');
    expect(zh.message).toBe('订单 A1：发货 剩 20分\n发货时效');
    const en = notificationText(breached, 'en', undefined);
    expect(en.title).toBe('Shouyue · Douyin · Overdue');
    expect(en.message).toBe('Order B2: Ship 5m overdue');
  });
});

describe('showNotifications', () => {
  beforeEach(() => fakeBrowser.reset());

  const clocks = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      verdict({ orderId: `O${i}`, state: i === 2 ? 'breached' : 'critical', timeLeftMs: i === 2 ? -60 * 60_000 : (10 + i) * 60_000 }),
    );

  it('shows one notification per clock when only a few turn at once', async () => {
    await showNotifications(clocks(MAX_SEPARATE_NOTIFICATIONS), 'zh', () => '发货时效', NOW);
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown).sort()).toEqual(clocks(MAX_SEPARATE_NOTIFICATIONS).map(sentKey).sort());
  });

  it('folds a first read of a long list into one summary, most urgent first, opening its platform', async () => {
    await showNotifications(clocks(40), 'zh', () => '发货时效', NOW);
    const ids = Object.keys(await fakeBrowser.notifications.getAll());
    expect(ids).toEqual([`douyin:summary|${NOW}`]);
    const text = summaryText(clocks(40), 'zh');
    expect(text.title).toBe('守约 · 40 项时效紧急或已超时');
    expect(text.message.split('\n')).toEqual([
      '抖店 O2：发货 已超时 1小时',
      '抖店 O0：发货 剩 10分',
      '抖店 O1：发货 剩 11分',
      '另有 37 项，打开守约查看',
    ]);
    expect(summaryText(clocks(5), 'en').title).toBe('Shouyue · 5 deadlines critical or overdue');
  });
});
