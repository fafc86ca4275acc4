import { z } from 'zod';

/**
 * zod readers for the raw values a back office's list JSON carries. Each reader accepts the
 * shapes public code shows for that kind of value and turns "not set" markers (0, '', null) into
 * `undefined`, so an absent deadline falls back to the rule-computed one instead of 1970.
 */

const NOT_SET = z.union([z.literal(0), z.literal(''), z.literal('0'), z.null()]).transform(() => undefined);

// Epoch values between 2001 and 2100: seconds and milliseconds never overlap in that range.
const MIN_S = 1_000_000_000;
const MAX_S = 4_102_444_800;

/** Unix time in seconds or milliseconds (number or digit string); the magnitude tells which. */
const epochValue = z
  .union([z.number(), z.string().regex(/^\d{9,13}$/).transform(Number)])
  .pipe(
    z
      .number()
      .int()
      .refine((n) => (n >= MIN_S && n <= MAX_S) || (n >= MIN_S * 1000 && n <= MAX_S * 1000), {
        message: 'not a plausible unix time',
      }),
  )
  .transform((n) => (n <= MAX_S ? n * 1000 : n));

const WALL_CLOCK = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China Standard Time, no daylight saving since 1991

/** Epoch ms of a wall-clock time in China (`2024-03-08 10:12:33`, `/` or `-`), or undefined. */
export function shanghaiWallClock(text: string): number | undefined {
  const m = WALL_CLOCK.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  // Reject 2024-02-31 and 25:00 rather than letting Date roll them over.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h) return undefined;
  return utc - SHANGHAI_OFFSET_MS;
}

const wallClockValue = z.string().transform((text, ctx) => {
  const ms = shanghaiWallClock(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'not a China wall-clock time' });
    return z.NEVER;
  }
  return ms;
});

/** An instant as epoch ms: unix s/ms, or a China wall-clock string; 0 / '' / null = not set. */
export const instant = z.union([NOT_SET, epochValue, wallClockValue]).optional();

/** An instant that must be present (e.g. when an after-sales case was requested). */
export const requiredInstant = instant.unwrap().pipe(z.number());

/** Money in fen (分, integer), as the open APIs give it → yuan. */
export const yuanFromFen = z
  .union([NOT_SET, z.number().int().min(0), z.string().regex(/^\d+$/).transform(Number)])
  .transform((fen) => (fen === undefined ? undefined : fen / 100))
  .optional();

/** Money already in yuan, as a number or display text (`129.00`, `¥129.00`, `￥1,299.5`). */
export const yuan = z
  .union([
    z.number().min(0),
    z
      .string()
      .regex(/^[¥￥]?\s*\d{1,3}(?:,?\d{3})*(?:\.\d{1,2})?$/)
      .transform((s) => Number(s.replace(/[¥￥,\s]/g, ''))),
  ])
  .optional();

/**
 * An order id. Ids longer than 15 digits lose precision as JSON numbers, so a numeric id is
 * only accepted when it is a safe integer; otherwise the row is unreadable, never misattributed.
 */
export const orderId = z.union([
  z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).transform(String),
]);

/** A small integer code (status, type) that may arrive as a number or a digit string. */
export const code = z
  .union([z.number().int(), z.string().regex(/^-?\d{1,6}$/).transform(Number)])
  .optional();

/** A short display text (status words); never rendered as HTML, capped to keep memory bounded. */
export const text = z.string().max(200).optional();

/** A 0/1 or boolean flag. */
export const flag = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.literal('0'), z.literal('1')])
  .transform((v) => v === true || v === 1 || v === '1')
  .optional();
