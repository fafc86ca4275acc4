import { tz } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';
import { lightFormat, startOfDay } from 'date-fns';
import { normText } from './text';

/**
 * Platform time. Every back office prints China Standard Time wall clocks; this module turns them
 * into absolute instants (epoch ms) and back, whatever the computer's own time zone is.
 * Anything it cannot read with certainty is an explicit error value, never a guess.
 */

export const CHINA_TZ = 'Asia/Shanghai';
const inChina = tz(CHINA_TZ);

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/**
 * China has kept UTC+8 without daylight saving since September 1991 (tz database, Asia/Shanghai).
 * From then on a China wall clock is plain arithmetic; the time-zone library (which asks `Intl`
 * on every call, the costliest step of reading a 1,000-row page) is needed only before it.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60_000;
const FIXED_OFFSET_SINCE = Date.UTC(1991, 8, 17);
const fixedOffset = (at: number) => at >= FIXED_OFFSET_SINCE;
/** `at` as a date whose UTC fields are the China wall clock (valid where fixedOffset holds). */
const chinaFields = (at: number) => new UTCDate(at + CHINA_OFFSET_MS);

export type TimeParse =
  | { ok: true; at: number; kind: 'absolute' | 'relative' }
  | { ok: false; reason: string };

const fail = (reason: string): TimeParse => ({ ok: false, reason });
const absolute = (at: number): TimeParse => ({ ok: true, at, kind: 'absolute' });

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function checkFields(w: WallClock): string | undefined {
  if (!(w.year >= MIN_YEAR && w.year <= MAX_YEAR)) return `year ${w.year} outside ${MIN_YEAR}-${MAX_YEAR}`;
  if (!(w.month >= 1 && w.month <= 12)) return `month ${w.month} out of range`;
  if (!(w.day >= 1 && w.day <= 31)) return `day ${w.day} out of range`;
  if (!(w.hour >= 0 && w.hour <= 23)) return `hour ${w.hour} out of range`;
  if (!(w.minute >= 0 && w.minute <= 59)) return `minute ${w.minute} out of range`;
  if (!(w.second >= 0 && w.second <= 59)) return `second ${w.second} out of range`;
  if (!(w.ms >= 0 && w.ms <= 999)) return `millisecond ${w.ms} out of range`;
  return undefined;
}

/** The instant of a CST wall clock (years MIN_YEAR… only), or a reason when the fields name no real moment. */
function fromChinaWallClock(w: WallClock): number | string {
  return fromOffsetWallClock(w, CHINA_OFFSET_MS / MINUTE_MS);
}

/** A wall clock with an explicit UTC offset in minutes (1688's `+0800`, ISO's `Z`). */
function fromOffsetWallClock(w: WallClock, offsetMinutes: number): number | string {
  const bad = checkFields(w);
  if (bad) return bad;
  // Date.UTC rolls 02-30 over to 03-01, on or after the next month's first day; a real date is before it.
  if (Date.UTC(w.year, w.month - 1, w.day) >= Date.UTC(w.year, w.month, 1)) {
    return `no such date ${w.year}-${w.month}-${w.day}`;
  }
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - offsetMinutes * MINUTE_MS;
}

function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return undefined;
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 14 || min > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

const FULL_WIDTH = /[\uFF01-\uFF5E]/;
const EVERY_FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/**
 * Full-width digits and punctuation, odd spaces → ASCII, so one set of patterns reads them all. A
 * text already so (most of a page's, read by its labels) is returned as it is, not copied.
 */
function normalize(text: string): string {
  const ascii = FULL_WIDTH.test(text) ? text.replace(EVERY_FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : text;
  return normText(ascii);
}

const num = (s: string | undefined, fallback = 0) => (s === undefined ? fallback : Number(s));
const msOf = (s: string | undefined) => (s === undefined ? 0 : Number(s.padEnd(3, '0').slice(0, 3)));

// 2024-03-18 18:00:32, 2024/03/18 18:00, 2024.03.18, 2024年3月18日 18时05分, ISO with offset.
const FULL_DATE =
  /(?<![\d.])(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?(?:(?:\s*T\s*|\s+|(?<=日))(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.(\d{1,3}))?)?\s*[分秒]?\s*(Z|[+-]\d{2}:?\d{2})?)?(?![\d:])/g;
// 03-18 18:00, 3月18日 18:00 (no year: the year is chosen nearest to `now`).
const SHORT_DATE =
  /(?<![\d./-])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?\s*(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2}))?\s*[分秒]?(?![\d:])/g;
// A bare clock time or other digits shaped like a time: strict rejection instead of "today".
const LONE_TIME = /(?<!\d)\d{1,2}\s*:\s*\d{1,2}(?!\d)/;

/** Groups 1-7: year … milliseconds; group 8: an explicit UTC offset, else China time. */
function fromDateMatch(m: RegExpExecArray): TimeParse {
  const w: WallClock = {
    year: num(m[1]),
    month: num(m[2]),
    day: num(m[3]),
    hour: num(m[4]),
    minute: num(m[5]),
    second: num(m[6]),
    ms: msOf(m[7]),
  };
  let at: number | string;
  if (m[8] !== undefined) {
    const offset = parseOffset(m[8]);
    if (offset === undefined) return fail(`bad UTC offset "${m[8]}"`);
    at = fromOffsetWallClock(w, offset);
  } else {
    at = fromChinaWallClock(w);
  }
  return typeof at === 'number' ? absolute(at) : fail(at);
}

function parseShortDate(m: RegExpExecArray, now: number): TimeParse {
  if (!Number.isFinite(now)) return fail('no reference time for a date without year');
  const nowYear = chinaFields(now).getUTCFullYear();
  let best: number | undefined;
  let lastReason = 'no valid year';
  for (const year of [nowYear - 1, nowYear, nowYear + 1]) {
    const at = fromChinaWallClock({
      year,
      month: num(m[1]),
      day: num(m[2]),
      hour: num(m[3]),
      minute: num(m[4]),
      second: num(m[5]),
      ms: 0,
    });
    if (typeof at === 'string') {
      lastReason = at;
      continue;
    }
    if (best === undefined || Math.abs(at - now) < Math.abs(best - now)) best = at;
  }
  return best === undefined ? fail(lastReason) : absolute(best);
}

const UNIT_MS: Record<string, { ms: number; order: number; max: number }> = {
  天: { ms: DAY_MS, order: 0, max: Infinity },
  小时: { ms: HOUR_MS, order: 1, max: 24 },
  时: { ms: HOUR_MS, order: 1, max: 24 },
  分钟: { ms: MINUTE_MS, order: 2, max: 60 },
  分: { ms: MINUTE_MS, order: 2, max: 60 },
  秒: { ms: 1000, order: 3, max: 60 },
};
// 剩余1天3小时, 还剩 23小时59分, 剩余2时5分, 12分钟, 已超时2小时 (overdue: the instant is in the past).
const RELATIVE = /(已超时|超时|剩余|还剩|剩)?((?:\d{1,5}(?:天|小时|时|分钟|分|秒))+)/g;
const RELATIVE_PART = /(\d{1,5})(天|小时|时|分钟|分|秒)/g;

function parseRelative(m: RegExpExecArray, now: number): TimeParse {
  if (!Number.isFinite(now)) return fail('no reference time for a relative time');
  let total = 0;
  let lastOrder = -1;
  for (const part of m[2]!.matchAll(RELATIVE_PART)) {
    const unit = UNIT_MS[part[2]!]!;
    const value = Number(part[1]);
    if (unit.order <= lastOrder) return fail(`units out of order in "${m[0]}"`);
    // Below a larger unit, a smaller one must stay under its modulus (e.g. 1天25小时 is garbled).
    if (lastOrder >= 0 && value >= unit.max) return fail(`${value}${part[2]} is out of range in "${m[0]}"`);
    lastOrder = unit.order;
    total += value * unit.ms;
  }
  const overdue = m[1] === '已超时' || m[1] === '超时';
  return { ok: true, at: overdue ? now - total : now + total, kind: 'relative' };
}

function single(re: RegExp, text: string): RegExpExecArray | 'many' | undefined {
  re.lastIndex = 0;
  const first = re.exec(text);
  if (!first) return undefined;
  return re.exec(text) ? 'many' : first;
}

// Module constants: a pattern written inside a function is a new RegExp object each time it runs.
const DIGIT = /\d/;
const SPACES = / /g;

/**
 * Digits left outside the matched time mean the text holds something we did not understand
 * (`2024-03-18 123:00`); a countdown printed next to a date is fine.
 */
function strayDigits(text: string, m: RegExpExecArray): boolean {
  const end = m.index + m[0].length;
  // Most texts are the time alone: nothing outside it to copy and look at.
  if (!DIGIT.test(text.slice(0, m.index)) && !DIGIT.test(text.slice(end))) return false;
  const rest = (text.slice(0, m.index) + ' ' + text.slice(end)).replace(SPACES, '');
  return DIGIT.test(rest.replace(RELATIVE, ''));
}

/**
 * Reads a platform's time text (label text around it is ignored) as an instant in China time.
 * `now` is the reading time: it anchors relative countdowns and year-less dates.
 */
export function parsePlatformTime(text: string, now: number): TimeParse {
  if (typeof text !== 'string') return fail('not text');
  const t = normalize(text);
  if (t === '') return fail('empty');
  if (t.length > 200) return fail('text too long for a time');

  const full = single(FULL_DATE, t);
  if (full === 'many') return fail(`several dates in "${t}"`);
  if (full) return strayDigits(t, full) ? fail(`unreadable digits in "${t}"`) : fromDateMatch(full);

  const short = single(SHORT_DATE, t);
  if (short === 'many') return fail(`several dates in "${t}"`);
  if (short) return strayDigits(t, short) ? fail(`unreadable digits in "${t}"`) : parseShortDate(short, now);

  const compact = t.replace(SPACES, '');
  const rel = single(RELATIVE, compact);
  if (rel === 'many') return fail(`several durations in "${t}"`);
  if (rel) return strayDigits(compact, rel) ? fail(`unreadable digits in "${t}"`) : parseRelative(rel, now);

  if (LONE_TIME.test(t)) return fail(`a time of day without a date in "${t}"`);
  return fail(`no date or duration in "${t}"`);
}

function checkRange(at: number): TimeParse {
  const year = new Date(at).getUTCFullYear();
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    return fail(`instant ${at} outside ${MIN_YEAR}-${MAX_YEAR}`);
  }
  return absolute(at);
}

function toInteger(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d{1,16}\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Douyin's epoch seconds (number or digit string). */
export function fromUnixSeconds(value: number | string): TimeParse {
  const n = toInteger(value);
  return n === undefined ? fail(`not whole seconds: ${String(value)}`) : checkRange(n * 1000);
}

/** Kuaishou's and Xiaohongshu's epoch milliseconds (number or digit string). */
export function fromUnixMillis(value: number | string): TimeParse {
  const n = toInteger(value);
  return n === undefined ? fail(`not whole milliseconds: ${String(value)}`) : checkRange(n);
}

const ALIBABA_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?([+-]\d{4})$/;

/** 1688's `yyyyMMddHHmmssSSS+0800` (milliseconds optional). */
export function parse1688Time(text: string): TimeParse {
  if (typeof text !== 'string') return fail('not text');
  const m = ALIBABA_TIME.exec(text.trim());
  if (!m) return fail(`not yyyyMMddHHmmssSSS+0800: "${text.slice(0, 40)}"`);
  return fromDateMatch(m);
}

/** 1688's format for an instant (the inverse of parse1688Time, always +0800). */
export function format1688Time(at: number): string {
  return `${formatChina(at, 'yyyyMMddHHmmssSSS')}+0800`;
}

export type ChinaTimeStyle = 'short' | 'minute' | 'second' | 'date' | 'time';
const PATTERNS: Record<ChinaTimeStyle, string> = {
  short: 'MM-dd HH:mm',
  minute: 'yyyy-MM-dd HH:mm',
  second: 'yyyy-MM-dd HH:mm:ss',
  date: 'yyyy-MM-dd',
  time: 'HH:mm',
};

/** CST wall-clock text for an instant, independent of the computer's time zone. */
export function formatChinaTime(at: number, style: ChinaTimeStyle = 'minute'): string {
  if (!Number.isFinite(at)) return '—';
  return formatChina(at, PATTERNS[style]);
}

/** Numeric patterns only: date-fns' locale-free formatter keeps the content scripts small. */
function formatChina(at: number, pattern: string): string {
  return lightFormat(fixedOffset(at) ? chinaFields(at) : inChina(at), pattern);
}

/** Midnight (00:00 CST) of the China calendar day containing `at`. */
export function chinaDayStart(at: number): number {
  if (!fixedOffset(at)) return startOfDay(at, { in: inChina }).getTime();
  return startOfDay(chinaFields(at)).getTime() - CHINA_OFFSET_MS;
}
