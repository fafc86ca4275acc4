import { describe, expect, it } from 'vitest';
import {
  badgeText,
  clockLabel,
  compareUrgency,
  deadlineText,
  formatDuration,
  mostUrgent,
  stateLabel,
} from '@/policies/describe';
import { verdictMessages } from '@/policies/messages';
import { ClockKindSchema, ClockStateSchema, type Verdict } from '@/policies/verdict';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function verdict(over: Partial<Verdict>): Verdict {
  return {
    platform: 'douyin',
    orderId: 'A1',
    ruleId: 'douyin.ship',
    versionId: 'douyin.ship@2021-08-10',
    clock: 'ship',
    state: 'running',
    informational: false,
    ...over,
  };
}

describe('formatDuration', () => {
  it.each([
    [3 * HOUR + 12 * MIN, '3小时12分', '3h 12m'],
    [2 * DAY + 5 * HOUR + 59 * MIN, '2天5小时', '2d 5h'],
    [40 * MIN + 59_999, '40分', '40m'],
    [2 * HOUR, '2小时', '2h'],
    [3 * DAY, '3天', '3d'],
    [59_999, '不到1分', '<1m'],
    [-2 * HOUR - 30_000, '2小时', '2h'],
  ])('%d ms → %s / %s', (ms, zh, en) => {
    expect(formatDuration(ms, 'zh')).toBe(zh);
    expect(formatDuration(ms, 'en')).toBe(en);
  });

  it('never prints NaN', () => {
    expect(formatDuration(Number.NaN, 'zh')).toBe('—');
  });
});

describe('labels', () => {
  it('has a short word for every clock kind and state in both languages', () => {
    for (const kind of ClockKindSchema.options) {
      expect(clockLabel(kind, 'zh')).toMatch(/\S/);
      expect(clockLabel(kind, 'en')).toMatch(/\S/);
    }
    for (const state of ClockStateSchema.options) {
      expect(stateLabel(state, 'zh')).not.toBe(stateLabel(state, 'en'));
    }
    expect(clockLabel('pickup', 'zh')).toBe('揽收');
    expect(clockLabel('buyer-window', 'en')).toBe('Buyer window');
  });

  it('English has exactly the keys Chinese has', () => {
    expect(Object.keys(verdictMessages.en).sort()).toEqual(Object.keys(verdictMessages.zh).sort());
  });
});

describe('badgeText', () => {
  it.each<[Partial<Verdict>, string, string]>([
    [{ state: 'due-soon', timeLeftMs: 3 * HOUR + 12 * MIN }, '发货 剩 3小时12分', 'Ship 3h 12m left'],
    [{ clock: 'pickup', state: 'breached', timeLeftMs: -2 * HOUR }, '揽收 已超时 2小时', 'Pickup 2h overdue'],
    [{ clock: 'after-sales', state: 'critical', timeLeftMs: 40 * MIN }, '售后 剩 40分', 'After-sales 40m left'],
    [{ state: 'exempt' }, '已报备', 'Filed'],
    [{ state: 'met' }, '已发货', 'Shipped'],
    [{ clock: 'service-ticket', state: 'met' }, '服务单已回复', 'Ticket replied'],
    [{ state: 'met-late' }, '发货 超时完成', 'Ship done late'],
    [{ clock: 'hub', state: 'unknown' }, '中转 无法读取', "Hub: can't read"],
    [{ clock: 'hub', state: 'done-untimed' }, '已到分拨（时间未显示）', 'At hub (time not shown)'],
    [{ state: 'not-applicable' }, '不适用', 'N/A'],
    [
      { clock: 'delivery', state: 'running', timeLeftMs: 5 * DAY, note: 'counted-from-payment' },
      '送达 剩 5天（自付款起算）',
      'Delivery 5d left (counted from payment)',
    ],
  ])('%j', (over, zh, en) => {
    expect(badgeText(verdict(over), 'zh')).toBe(zh);
    expect(badgeText(verdict(over), 'en')).toBe(en);
  });

  it('drops the note once the clock is settled', () => {
    expect(badgeText(verdict({ clock: 'delivery', state: 'met', note: 'counted-from-payment' }), 'zh')).toBe('已送达');
  });
});

describe('deadlineText', () => {
  it('prints the China wall clock and where the deadline came from', () => {
    const deadline = Date.parse('2024-03-18T18:00:00+08:00');
    expect(deadlineText({ deadline, deadlineSource: 'platform' }, 'zh')).toBe('截止 03-18 18:00（平台时限）');
    expect(deadlineText({ deadline, deadlineSource: 'rule' }, 'en')).toBe('Due 03-18 18:00 (computed from rule)');
    expect(deadlineText({}, 'zh')).toBeUndefined();
  });
});

describe('mostUrgent', () => {
  it('ranks by state urgency, then merchant clocks over buyer windows, then time left', () => {
    const running = verdict({ state: 'running', timeLeftMs: 10 * HOUR });
    const runningSooner = verdict({ state: 'running', timeLeftMs: 9 * HOUR });
    const window = verdict({ state: 'running', informational: true, timeLeftMs: HOUR });
    const critical = verdict({ state: 'critical', timeLeftMs: 20 * MIN });
    const breached = verdict({ state: 'breached', timeLeftMs: -MIN });
    expect(mostUrgent([running, window, runningSooner])).toBe(runningSooner);
    expect(mostUrgent([running, critical, window])).toBe(critical);
    expect(mostUrgent([critical, breached])).toBe(breached);
    expect(mostUrgent([])).toBeUndefined();
    const sorted = [window, running, breached, critical, runningSooner].sort(compareUrgency);
    expect(sorted).toEqual([breached, critical, runningSooner, running, window]);
  });
});
