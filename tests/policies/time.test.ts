import { TZDate, tz } from '@date-fns/tz';
import { format as formatDate } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chinaDayStart,
  format1688Time,
  formatChinaTime,
  fromUnixMillis,
  fromUnixSeconds,
  parse1688Time,
  parsePlatformTime,
  type TimeParse,
} from '@/policies/time';

// 2024-03-18 18:00:32 CST = 10:00:32 UTC.
const AT = Date.parse('2024-03-18T18:00:32+08:00');
const NOW = Date.parse('2024-03-18T10:00:00+08:00');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function at(r: TimeParse): number {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.at;
}
function reason(r: TimeParse): string {
  if (r.ok) throw new Error(`expected an error, got ${new Date(r.at).toISOString()}`);
  return r.reason;
}

describe('parsePlatformTime: absolute wall clocks are China time', () => {
  it.each([
    ['2024-03-18 18:00:32', '2024-03-18T18:00:32+08:00'],
    ['2024/03/18 18:00', '2024-03-18T18:00:00+08:00'],
    ['2024/3/8 8:05', '2024-03-08T08:05:00+08:00'],
    ['2024-03-18', '2024-03-18T00:00:00+08:00'],
    ['2024.03.18 18:00', '2024-03-18T18:00:00+08:00'],
    ['2024年3月18日 18:00', '2024-03-18T18:00:00+08:00'],
    ['2024年3月18日18时05分', '2024-03-18T18:05:00+08:00'],
    ['承诺发货时间：2024-03-18\u00a018:00:32', '2024-03-18T18:00:32+08:00'],
    ['  最晚发货 2024-03-18 18:00:32 前  ', '2024-03-18T18:00:32+08:00'],
    ['２０２４－０３－１８　１８：００', '2024-03-18T18:00:00+08:00'],
    ['2024-03-18T10:00:32Z', '2024-03-18T18:00:32+08:00'],
    ['2024-03-18T18:00:32+08:00', '2024-03-18T18:00:32+08:00'],
    ['2024-03-18 18:00 (剩余8小时)', '2024-03-18T18:00:00+08:00'],
  ])('%j → %s', (text, iso) => {
    const r = parsePlatformTime(text, NOW);
    expect(at(r)).toBe(Date.parse(iso));
    expect(r.ok && r.kind).toBe('absolute');
  });

  it('reads the exact instant of the seed timestamp', () => {
    expect(at(parsePlatformTime('2024-03-18 18:00:32', NOW))).toBe(AT);
    expect(new Date(AT).toISOString()).toBe('2024-03-18T10:00:32.000Z');
  });

  it.each([
    ['03-18 18:00', NOW, '2024-03-18T18:00:00+08:00'],
    ['3月18日 18:00', NOW, '2024-03-18T18:00:00+08:00'],
    // Around new year the nearest year wins.
    ['12-31 23:00', Date.parse('2025-01-01T01:00:00+08:00'), '2024-12-31T23:00:00+08:00'],
    ['01-01 09:00', Date.parse('2024-12-31T22:00:00+08:00'), '2025-01-01T09:00:00+08:00'],
    // 02-29 only exists in a leap year: 2024 is the nearest that has it.
    ['02-29 10:00', Date.parse('2025-01-10T10:00:00+08:00'), '2024-02-29T10:00:00+08:00'],
  ])('year-less %j picks the year nearest to now', (text, now, iso) => {
    expect(at(parsePlatformTime(text, now))).toBe(Date.parse(iso));
  });

  it.each([
    '2024-02-30',
    '2023-02-29 10:00',
    '2024-13-01 10:00',
    '2024-00-10',
    '2024-03-18 24:00',
    '2024-03-18 99:99',
    '99:99',
    '18:00',
    '1999-12-31 23:59',
    '2101-01-01',
    '2024-03-18 123:00',
    '2024-03-18 18:00 至 2024-03-19 18:00',
    '13-40 10:00',
    '',
    '   ',
    '尽快发货',
    '<script>alert(1)</script>',
    '剩余1天25小时',
    '剩余3小时1天',
    '12345',
  ])('rejects %j with a reason', (text) => {
    expect(reason(parsePlatformTime(text, NOW))).toMatch(/\S/);
  });

  it('accepts a day of the month exactly when the calendar has it: every day 1–31 of every month, 2000–2100', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const wrong: string[] = [];
    for (let year = 2000; year <= 2100; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const exists = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          const r = parsePlatformTime(`${year}-${pad(month)}-${pad(day)} 10:00`, NOW);
          if (r.ok !== exists || (r.ok && r.at !== Date.UTC(year, month - 1, day, 2))) wrong.push(`${year}-${month}-${day}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('does not accept non-string input', () => {
    expect(parsePlatformTime(undefined as unknown as string, NOW).ok).toBe(false);
    expect(parsePlatformTime(42 as unknown as string, NOW).ok).toBe(false);
  });
});

describe('parsePlatformTime: relative countdowns', () => {
  it.each([
    ['剩余1天3小时', DAY + 3 * HOUR],
    ['还剩 23小时59分', 23 * HOUR + 59 * MIN],
    ['23小时59分', 23 * HOUR + 59 * MIN],
    ['12分钟', 12 * MIN],
    ['1天', DAY],
    ['剩余2时5分', 2 * HOUR + 5 * MIN],
    ['发货剩余 1 天 3 小时', DAY + 3 * HOUR],
    ['剩余0分钟', 0],
    ['72小时', 72 * HOUR],
  ])('%j → now + %d ms', (text, ms) => {
    const r = parsePlatformTime(text, NOW);
    expect(at(r)).toBe(NOW + ms);
    expect(r.ok && r.kind).toBe('relative');
  });

  it('reads an overdue countdown as a past instant', () => {
    expect(at(parsePlatformTime('已超时2小时', NOW))).toBe(NOW - 2 * HOUR);
  });

  it('needs a finite now for relative and year-less text', () => {
    expect(parsePlatformTime('12分钟', Number.NaN).ok).toBe(false);
    expect(parsePlatformTime('03-18 18:00', Number.NaN).ok).toBe(false);
  });
});

describe('platform field helpers', () => {
  it('reads Douyin epoch seconds and Kuaishou epoch ms', () => {
    expect(at(fromUnixSeconds(1710756032))).toBe(AT);
    expect(at(fromUnixSeconds('1710756032'))).toBe(AT);
    expect(at(fromUnixMillis(AT))).toBe(AT);
    expect(at(fromUnixMillis(String(AT)))).toBe(AT);
  });

  it.each([[-1], [1.5], [Number.NaN], ['17e8'], [''], [1710756032 * 1e6]])('rejects %j', (v) => {
    expect(fromUnixSeconds(v).ok).toBe(false);
    expect(fromUnixMillis(typeof v === 'number' ? v * 1e6 : v).ok).toBe(false);
  });

  it('rejects seconds passed as milliseconds (year 1970)', () => {
    expect(fromUnixMillis(1710756032).ok).toBe(false);
  });

  it('reads 1688 yyyyMMddHHmmssSSS+0800 and writes it back', () => {
    expect(at(parse1688Time('20240318180032000+0800'))).toBe(AT);
    expect(at(parse1688Time('20240318180032+0800'))).toBe(AT);
    expect(at(parse1688Time('20240318100032000+0000'))).toBe(AT);
    expect(format1688Time(AT)).toBe('20240318180032000+0800');
    expect(at(parse1688Time(format1688Time(AT + 123)))).toBe(AT + 123);
  });

  it.each(['20240230180032000+0800', '20241318180032000+0800', '2024031818003+0800', 'x', '20240318180032000'])(
    '1688 rejects %j',
    (text) => {
      expect(parse1688Time(text).ok).toBe(false);
    },
  );
});

describe('formatChinaTime', () => {
  it('prints CST wall clocks whatever the process TZ', () => {
    expect(formatChinaTime(AT, 'short')).toBe('03-18 18:00');
    expect(formatChinaTime(AT, 'minute')).toBe('2024-03-18 18:00');
    expect(formatChinaTime(AT, 'second')).toBe('2024-03-18 18:00:32');
    expect(formatChinaTime(AT, 'date')).toBe('2024-03-18');
    expect(formatChinaTime(AT, 'time')).toBe('18:00');
    // 23:30 UTC is already the next day in China.
    expect(formatChinaTime(Date.parse('2024-03-18T23:30:00Z'), 'minute')).toBe('2024-03-19 07:30');
  });

  it('round-trips through parsePlatformTime', () => {
    for (let t = AT; t < AT + 3 * DAY; t += 7 * HOUR + 13 * MIN) {
      const minute = t - (t % MIN);
      expect(at(parsePlatformTime(formatChinaTime(minute, 'minute'), NOW))).toBe(minute);
    }
  });

  it('finds the China calendar day start', () => {
    expect(chinaDayStart(AT)).toBe(Date.parse('2024-03-18T00:00:00+08:00'));
    expect(chinaDayStart(Date.parse('2024-03-18T16:30:00Z'))).toBe(Date.parse('2024-03-19T00:00:00+08:00'));
  });
});

/**
 * The tz database's start of the China day holding `t`, asked of the platform's Intl (ICU), which
 * never consults the computer's zone: @date-fns/tz builds its dates through it, and gets the China
 * day 1994-12-31 wrong on a computer in Pacific/Kiritimati, whose calendar skipped that date.
 */
const CHINA_WALL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
function chinaMidnightByIntl(t: number): number | undefined {
  const date = CHINA_WALL.format(t).slice(0, 10);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Midnight is at UTC+8, or at UTC+9 on the daylight-saving summers of 1986–1991.
  return [8, 9].map((h) => Date.UTC(y, m - 1, d) - h * HOUR).find((c) => CHINA_WALL.format(c) === `${date}, 00:00:00`);
}

describe('China time by fixed offset agrees with the tz database', () => {
  const inChina = tz('Asia/Shanghai');
  // 1986-2100: across the last daylight-saving summers (1986-1991), where the library is used.
  const instants = fc.integer({ min: Date.UTC(1986, 0, 1), max: Date.UTC(2100, 11, 31) });

  it('formats and finds the day start as Asia/Shanghai does', () => {
    fc.assert(
      fc.property(instants, (t) => {
        expect(formatChinaTime(t, 'second')).toBe(formatDate(t, 'yyyy-MM-dd HH:mm:ss', { in: inChina }));
        expect(chinaDayStart(t)).toBe(chinaMidnightByIntl(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the day start of the China date a Pacific/Kiritimati calendar skipped (1994-12-31)', () => {
    expect(chinaDayStart(Date.UTC(1994, 11, 31, 3))).toBe(Date.parse('1994-12-31T00:00:00+08:00'));
    expect(chinaMidnightByIntl(Date.UTC(1994, 11, 31, 3))).toBe(Date.parse('1994-12-31T00:00:00+08:00'));
  });

  it('reads back every wall clock it prints, from 2000 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 11, 30) }), (t) => {
        const whole = t - (t % 1000);
        const text = formatChinaTime(whole, 'second');
        const [y, mo, d, h, mi, sec] = text.split(/[- :]/).map(Number) as [number, number, number, number, number, number];
        expect(new TZDate(y, mo - 1, d, h, mi, sec, 'Asia/Shanghai').getTime()).toBe(whole);
        expect(at(parsePlatformTime(text, whole))).toBe(whole);
      }),
      { numRuns: 2000 },
    );
  });
});
