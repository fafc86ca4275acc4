import { z } from 'zod';
import { OrderSchema, type Order, type OrderInput } from '@/policies/order';
import type { EndpointId } from './endpoints';

/**
 * What parsing one list response yields. A captcha or risk-control answer is "not data": it is
 * reported, and the orders read from earlier responses stay as they are.
 */

export const NotDataReasonSchema = z.enum(['captcha', 'login', 'rate-limited', 'error']);
export type NotDataReason = z.infer<typeof NotDataReasonSchema>;

/** A row that could not become an order (no usable id, or the order failed validation). */
export interface RowFailure {
  /** The order id when it could be read, otherwise `#<index>`. */
  rowKey: string;
  reason: string;
}

/** A field that had the wrong shape and was left out (the order itself was kept). */
export interface FieldIssue {
  orderId: string;
  field: string;
  problem: string;
}

export type ParseResult =
  | {
      kind: 'orders';
      orders: Order[];
      rowFailures: RowFailure[];
      fieldIssues: FieldIssue[];
      /** The list's total across pages, when the response says. */
      total?: number;
    }
  | { kind: 'not-data'; reason: NotDataReason; code?: string; message?: string }
  | { kind: 'unrecognized'; reason: string };

export type ListParser = (json: unknown, readAt: number) => ParseResult;
/** The list parsers of one platform's endpoints: a content script carries only its own platform's. */
export type PageParsers = Partial<Record<EndpointId, ListParser>>;

const MESSAGE_KEYS = ['msg', 'message', 'error_msg', 'errorMsg', 'error_message', 'errMsg', 'prompt'];
const CODE_KEYS = ['code', 'error_code', 'errorCode', 'err_no', 'status_code'];
const OK_CODES = new Set([0, 200, 1_000_000]);

function classify(message: string): NotDataReason {
  if (/验证|captcha|verify|滑块|安全检测|风控|risk|异常访问|人机|punish/i.test(message)) return 'captcha';
  if (/频繁|too many|rate|限流|稍后再试/i.test(message)) return 'rate-limited';
  if (/登录|login|未授权|unauthori|token|session|过期/i.test(message)) return 'login';
  return 'error';
}

function shortText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 120) : undefined;
}

/**
 * Recognises an answer that is not list data: Taobao's `rgv587_flag` punish page, mtop `ret`
 * failures, `success: false`, or a non-zero error code. Returns undefined for a normal answer.
 * `successCodes` names a platform's own success value for a key (Kuaishou: `{ result: 1 }`).
 */
export function notData(
  json: unknown,
  successCodes: Record<string, number> = {},
): Extract<ParseResult, { kind: 'not-data' }> | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const record = json as Record<string, unknown>;
  const message = MESSAGE_KEYS.map((k) => shortText(record[k])).find((m) => m) ?? '';
  if ('rgv587_flag' in record || 'x5secdata' in record) {
    return { kind: 'not-data', reason: 'captcha', message: message || undefined };
  }
  const ret = Array.isArray(record.ret) ? record.ret.map(String).join(' ') : '';
  if (/FAIL|RGV587/.test(ret)) {
    const reason = /RGV587|USER_VALIDATE/.test(ret) ? 'captcha' : classify(ret);
    return { kind: 'not-data', reason, message: ret.slice(0, 120) };
  }
  const codeKey = CODE_KEYS.find((k) => typeof record[k] === 'number' || (typeof record[k] === 'string' && /^-?\d+$/.test(record[k] as string)));
  const codeValue = codeKey === undefined ? undefined : Number(record[codeKey]);
  const ownOk = Object.entries(successCodes).find(([k]) => typeof record[k] === 'number');
  const failed =
    record.success === false ||
    (codeValue !== undefined && !OK_CODES.has(codeValue)) ||
    (ownOk !== undefined && record[ownOk[0]] !== ownOk[1]);
  if (!failed) return undefined;
  const codeText = codeValue !== undefined ? String(codeValue) : ownOk ? String(record[ownOk[0]]) : undefined;
  return { kind: 'not-data', reason: classify(message), code: codeText, message: message || undefined };
}

/** Where a nested value lives, as zod reports it. */
type Path = PropertyKey[];

function withoutPaths(value: unknown, paths: Path[]): unknown {
  const copy: unknown = structuredClone(value);
  for (const path of paths) {
    let node: unknown = copy;
    for (const key of path.slice(0, -1)) {
      node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
    const last = path[path.length - 1];
    if (typeof node === 'object' && node !== null && last !== undefined) {
      delete (node as Record<PropertyKey, unknown>)[last];
    }
  }
  return copy;
}

const pathText = (path: Path) => path.map(String).join('.');

/** An issue is fatal when it hits the row itself, a required path, or a container of one. */
function isRequired(path: string, required: readonly string[]): boolean {
  return path === '' || required.some((r) => path === r || path.startsWith(`${r}.`) || r.startsWith(`${path}.`));
}

export interface RowMapping<S extends z.ZodType> {
  /** The raw row's schema (extra fields allowed). */
  schema: S;
  /** Dotted paths without which a row is unreadable (the order id, an after-sale's start). */
  required: string[];
  /** The id to name the row by in failures, read leniently before validation. */
  idOf: (raw: unknown) => string | undefined;
  toOrder: (row: z.output<S>) => OrderInput;
}

/**
 * Reads each row on its own: a field with the wrong type is dropped and reported (the order
 * keeps its other data and, for a dropped deadline, falls back to the rule), a row without a
 * usable id is reported as unreadable, and one bad row never costs the others.
 */
export function readRows<S extends z.ZodType>(
  rows: readonly unknown[],
  mapping: RowMapping<S>,
): { orders: Order[]; rowFailures: RowFailure[]; fieldIssues: FieldIssue[] } {
  const orders: Order[] = [];
  const rowFailures: RowFailure[] = [];
  const fieldIssues: FieldIssue[] = [];
  rows.forEach((raw, index) => {
    const rowKey = mapping.idOf(raw) ?? `#${index}`;
    let candidate = raw;
    let parsed = mapping.schema.safeParse(candidate);
    const dropped: FieldIssue[] = [];
    // Each pass drops the fields zod rejected; nested objects may need a second pass.
    for (let pass = 0; !parsed.success && pass < 3; pass++) {
      const paths = parsed.error.issues.map((i) => i.path).filter((p) => p.length > 0);
      const fatal = parsed.error.issues.find((i) => isRequired(pathText(i.path), mapping.required));
      if (fatal || paths.length === 0) break;
      for (const issue of parsed.error.issues) {
        dropped.push({ orderId: rowKey, field: pathText(issue.path), problem: issue.message.slice(0, 120) });
      }
      candidate = withoutPaths(candidate, paths);
      parsed = mapping.schema.safeParse(candidate);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rowFailures.push({ rowKey, reason: `${issue ? pathText(issue.path) || 'row' : 'row'}: ${issue?.message ?? 'invalid'}`.slice(0, 300) });
      return;
    }
    const order = OrderSchema.safeParse(mapping.toOrder(parsed.data));
    if (!order.success) {
      const issue = order.error.issues[0];
      rowFailures.push({ rowKey, reason: `order ${issue ? pathText(issue.path) : ''}: ${issue?.message ?? 'invalid'}`.slice(0, 300) });
      return;
    }
    orders.push(order.data);
    fieldIssues.push(...dropped);
  });
  return { orders, rowFailures, fieldIssues };
}

/** Walks into untrusted JSON without throwing: `at(json, 'data', 'items')`. */
export function at(value: unknown, ...keys: string[]): unknown {
  let node = value;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Reads the id leniently for naming a failure (never for attributing data). */
export function leniently(raw: unknown, ...path: string[]): string | undefined {
  const value = at(raw, ...path);
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : undefined;
}

/** The standard ending of a list parser: the list must be an array, else the page changed. */
export function readList<S extends z.ZodType>(
  list: unknown,
  mapping: RowMapping<S>,
  total?: unknown,
): ParseResult {
  if (!Array.isArray(list)) return { kind: 'unrecognized', reason: 'order list missing or not an array' };
  const result = readRows(list, mapping);
  const count = typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined;
  return { kind: 'orders', ...result, total: count };
}

/** One order per id: case lists carry one row per case (or ticket), the engine wants one order. */
export function mergeCasesByOrder(orders: Order[]): Order[] {
  const byId = new Map<string, Order>();
  for (const order of orders) {
    const seen = byId.get(order.orderId);
    if (seen) {
      seen.afterSales.push(...order.afterSales);
      seen.serviceTickets.push(...order.serviceTickets);
    } else byId.set(order.orderId, { ...order, afterSales: [...order.afterSales], serviceTickets: [...order.serviceTickets] });
  }
  return [...byId.values()];
}
