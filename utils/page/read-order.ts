import { MINUTE_MS, parsePlatformTime } from '@/policies/time';
import { CategorySchema, ServiceSchema, type Order, type Timeline } from '@/policies/order';
import { statusFromWords } from '@/utils/page-data/status';
import { meaningOf } from '@/utils/page-data/words';
import { labelValue, money } from './text';
import {
  AFTER_SALE_KIND_WORDS,
  AFTER_SALE_LABELS,
  AMOUNT_LABELS,
  CATEGORY_WORDS,
  CROSS_BORDER_WORDS,
  EXTRA_STATUS,
  FILING_KIND_WORDS,
  FILING_LABELS,
  BUYER_LABEL,
  SERVICE_CATEGORY,
  SERVICE_WORDS,
  TIME_LABELS,
  WAITING_ON_BUYER,
} from './vocab';

/** Why a row could not be read. Shown in the 无法识别 tooltip; the row is left out of evaluation. */
export interface RowProblem {
  code: 'no-order-id' | 'id-mismatch' | 'bad-time' | 'bad-amount' | 'missing-field' | 'invalid' | 'error';
  /** The label (or field) concerned, e.g. 下单时间. */
  field?: string;
  /** A short excerpt of what the page printed there (never buyer data: only labelled values). */
  text?: string;
}

export class RowError extends Error {
  /** `orderId`: the order the row names, when its id was read before the field that failed. */
  constructor(
    readonly problem: RowProblem,
    readonly orderId?: string,
  ) {
    super(`${problem.code}${problem.field ? ` ${problem.field}` : ''}${problem.text ? `: ${problem.text}` : ''}`);
  }
}

/** What a platform adapter hands to the shared reader for one order row. */
export interface RowText {
  /** Every text of the order's row group, normalized, in document order. */
  texts: string[];
  /** Texts of the order-status cell, when the table has a status column. */
  statusTexts?: string[];
  /** Text of the amount cell, when the table has an amount column (values there carry no label). */
  amountText?: string;
  /** Number of sub-orders (items) the row shows. */
  itemCount: number;
  /** A date printed with no label is the order time (1688's header `span.date`). */
  unlabeledPlacedAt?: boolean;
}

/** What a row shows of its order; what it leaves out is the schema's default (adapter.ts). */
export type OrderFields = Partial<Omit<Order, 'platform' | 'orderId' | 'readAt'>>;

const NOT_SET = /^(--?|—|无|暂无)$/;
const DATE_ONLY = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/;
const excerpt = (s: string) => s.slice(0, 40);

function readTime(texts: readonly string[], labels: readonly string[], now: number): number | undefined {
  const value = labelValue(texts, labels);
  if (value === undefined || value === '' || NOT_SET.test(value)) return undefined;
  const parsed = parsePlatformTime(value, now);
  if (!parsed.ok) throw new RowError({ code: 'bad-time', field: labels[0], text: excerpt(value) });
  // A countdown the page ticks every second (剩余 3小时12分05秒) names the same minute each time.
  return parsed.kind === 'relative' ? Math.round(parsed.at / MINUTE_MS) * MINUTE_MS : parsed.at;
}

const TIME_FIELDS = Object.entries(TIME_LABELS) as [keyof Timeline, readonly string[]][];

function readTimeline(row: RowText, now: number): Timeline {
  const timeline: Timeline = {};
  // An index loop: destructuring each [field, labels] pair would allocate an iterator, per row.
  for (let i = 0; i < TIME_FIELDS.length; i++) {
    const field = TIME_FIELDS[i]!;
    const at = readTime(row.texts, field[1], now);
    if (at !== undefined) timeline[field[0]] = at;
  }
  if (timeline.placedAt === undefined && row.unlabeledPlacedAt) {
    const bare = row.texts.find((t) => DATE_ONLY.test(t));
    if (bare !== undefined) {
      const parsed = parsePlatformTime(bare, now);
      if (!parsed.ok) throw new RowError({ code: 'bad-time', field: TIME_LABELS.placedAt[0], text: excerpt(bare) });
      timeline.placedAt = parsed.at;
    }
  }
  return timeline;
}

function readStatus(row: RowText): Order['status'] {
  // Status words are short whole texts; long texts (titles, tracking lines) can contain them too.
  for (const t of row.statusTexts ?? row.texts) {
    if (t.length > 10) continue;
    const status = meaningOf(EXTRA_STATUS, t) ?? statusFromWords(t);
    if (status) return status;
  }
  return undefined;
}

const BARE_YUAN = /^\d+(\.\d{1,2})?$/;

function readAmount(row: RowText): number | undefined {
  const labelled = labelValue(row.texts, AMOUNT_LABELS);
  const text = row.amountText ?? labelled;
  if (text === undefined || text === '') return undefined;
  const value = money(text) ?? (BARE_YUAN.test(text) ? Number(text) : undefined);
  if (value === undefined) throw new RowError({ code: 'bad-amount', field: AMOUNT_LABELS[0], text: excerpt(text) });
  return value;
}

function readAfterSales(row: RowText, now: number): Order['afterSales'] {
  const id = labelValue(row.texts, AFTER_SALE_LABELS.id);
  if (id === undefined) return [];
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new RowError({ code: 'invalid', field: AFTER_SALE_LABELS.id[0], text: excerpt(id) });
  const requestedAt = readTime(row.texts, AFTER_SALE_LABELS.requestedAt, now);
  if (requestedAt === undefined) throw new RowError({ code: 'missing-field', field: AFTER_SALE_LABELS.requestedAt[0] });
  const described = row.texts.find((t) => t.length <= 30 && meaningOf(AFTER_SALE_KIND_WORDS, t) !== undefined);
  return [
    {
      id,
      kind: (described && meaningOf(AFTER_SALE_KIND_WORDS, described)) || 'other',
      requestedAt,
      deadline: readTime(row.texts, AFTER_SALE_LABELS.deadline, now),
      awaitingMerchant: !(described && WAITING_ON_BUYER.test(described)),
    },
  ];
}

function readFilings(row: RowText, now: number): Order['filings'] {
  const approvedAt = readTime(row.texts, FILING_LABELS.approvedAt, now);
  if (approvedAt === undefined) return [];
  const described = row.texts.find((t) => t.includes('报备') && !t.startsWith(FILING_LABELS.approvedAt[0]));
  return [
    {
      kind: (described && meaningOf(FILING_KIND_WORDS, described)) || 'other',
      approvedAt,
      newDeadline: readTime(row.texts, FILING_LABELS.newDeadline, now),
      ruleIds: [],
      waived: false,
    },
  ];
}

const inOrder = <T extends string>(set: Set<T>, order: readonly T[]) => order.filter((v) => set.has(v));

/**
 * An order row's fields under the id it printed. A field that can't be read leaves the row
 * unreadable but still named by its order, so the page's own data can stand in for it (join.ts).
 */
export function readOrderRow(orderId: string, row: RowText, now: number): { orderId: string; fields: OrderFields } {
  try {
    return { orderId, fields: readOrderFields(row, now) };
  } catch (e) {
    throw e instanceof RowError ? new RowError(e.problem, orderId) : e;
  }
}

/** Reads every field of one order row; throws RowError when something printed can't be read. */
export function readOrderFields(row: RowText, now: number): OrderFields {
  const services = new Set<(typeof ServiceSchema.options)[number]>();
  const categories = new Set<(typeof CategorySchema.options)[number]>();
  let crossBorder = false;
  const { texts } = row;
  // An index loop: an entries() iterator would allocate a pair per text of every row read.
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    if (i > 0 && BUYER_LABEL.test(texts[i - 1]!)) continue;
    const service = SERVICE_WORDS[t];
    if (service) services.add(service);
    const category = CATEGORY_WORDS[t];
    if (category) categories.add(category);
    if (CROSS_BORDER_WORDS.has(t)) crossBorder = true;
  }
  for (const s of services) {
    const implied = SERVICE_CATEGORY[s];
    if (implied) categories.add(implied);
  }
  const fields: OrderFields = {
    subOrderCount: Math.max(1, row.itemCount),
    status: readStatus(row),
    crossBorder,
    categories: inOrder(categories, CategorySchema.options),
    services: inOrder(services, ServiceSchema.options),
    timeline: readTimeline(row, now),
    afterSales: readAfterSales(row, now),
    filings: readFilings(row, now),
    source: 'dom',
  };
  const amount = readAmount(row);
  if (amount !== undefined) fields.amount = amount;
  if (fields.status === undefined) delete fields.status;
  return fields;
}
