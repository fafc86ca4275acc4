import { OrderSchema, type Order } from '@/policies/order';
import type { Platform } from '@/policies/platforms';
import { RowError, type OrderFields, type RowProblem, type RowText } from './read-order';
import { textsOf } from './text';

/**
 * A platform adapter turns one back-office page into order rows. The DOM is one source; issue 7
 * adds the page's own JSON, joined by order id in merge.ts. So a reading carries the row's anchor
 * (where the badge goes) and id beside what the DOM showed, and merge decides what is sent.
 */

export type PageKind = 'order-list' | 'after-sales' | 'service-tickets';

/** One order's row group as found on the page (cheap to find; reading it is the costly part). */
export interface RowCandidate {
  /** The row (or card) element; its identity changes when the SPA re-renders. */
  anchor: Element;
  /** Every element of the row group (a header row and its sub-order rows). */
  parts: Element[];
  /** The element printing the order id: the badge goes right after it. */
  idElement: Element;
  /** Cells a table's header names (reordered columns still read); `skip` = never read (buyer data). */
  cells?: RowCells;
  /**
   * What the cells were picked by (a table's column map). Cells are inside the parts, so a row found
   * again with the same parts, untouched, and the same layout has the same cells.
   */
  layout?: string;
}

export interface RowCells {
  status?: Element;
  amount?: Element;
  skip?: Element[];
}

export type RowReading =
  | { ok: true; orderId: string; row: RowCandidate; order: Order }
  | { ok: false; rowKey: string; row: RowCandidate; problem: RowProblem };

export interface ReadContext {
  kind: PageKind;
  /** The reading time: anchors relative times and becomes the order's readAt. */
  now: number;
  /** Position of the row on the page, for a key when the id is unreadable. */
  index: number;
}

export interface PageAdapter {
  platform: Platform;
  /** The list this URL shows, or null where 守约 has nothing to read. Pure. */
  pageKind(url: URL): PageKind | null;
  findRows(root: ParentNode, kind: PageKind): RowCandidate[];
  /** Reads one row; may throw RowError (or anything: readRow catches it). */
  read(row: RowCandidate, ctx: ReadContext): { orderId: string; fields: OrderFields };
}

/** An id starts with a letter or digit and is at least 4 long (`--`, `-` are "not set" markers). */
const ORDER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{3,63}$/;

/** Checks an order id read from the page, throwing the row's problem when it is not one. */
export function requireOrderId(id: string | null | undefined, field: string): string {
  if (!id || !ORDER_ID.test(id)) throw new RowError({ code: 'no-order-id', field, text: id ? id.slice(0, 40) : undefined });
  return id;
}

/**
 * What the schema fills in where a row shows nothing (no tickets, no buyer messages, …), taken from
 * the schema once. Frozen: every order a reading builds shares these empty lists.
 */
const ORDER_DEFAULTS = OrderSchema.omit({ platform: true, orderId: true, readAt: true }).parse({});
for (const value of Object.values(ORDER_DEFAULTS)) Object.freeze(value);
Object.freeze(ORDER_DEFAULTS);

/**
 * Reads one row safely: any exception becomes an unreadable reading, so one broken row never stops
 * the others and never yields a half-read order. The order is not checked against the schema here
 * (a content script runs zod without its compiled fast path, and a page's first read would spend a
 * fifth of its time there): the background checks each order it receives and answers the ones it
 * rejects, which their rows then show as unreadable.
 */
export function readRow(adapter: PageAdapter, row: RowCandidate, ctx: ReadContext): RowReading {
  let rowKey = `#${ctx.index + 1}`;
  try {
    const { orderId, fields } = adapter.read(row, ctx);
    rowKey = orderId;
    const order: Order = { ...ORDER_DEFAULTS, ...fields, platform: adapter.platform, orderId, readAt: ctx.now };
    return { ok: true, orderId, row, order };
  } catch (e) {
    const problem: RowProblem = e instanceof RowError ? e.problem : { code: 'error' };
    if (!(e instanceof RowError)) console.warn('[守约] row read failed', e);
    // A row whose id was read goes by it: the page's data may have its order (join.ts).
    else if (e.orderId) rowKey = e.orderId;
    return { ok: false, rowKey, row, problem };
  }
}

/** The row's texts for the shared reader, leaving out cells that hold buyer data. */
export function rowText(row: RowCandidate, itemCount: number, extra: Partial<RowText> = {}): RowText {
  const { status, amount, skip } = row.cells ?? {};
  return {
    texts: textsOf(row.parts, skip),
    statusTexts: status && textsOf([status]),
    amountText: amount && textsOf([amount]).join(' '),
    itemCount,
    ...extra,
  };
}

/** Items shown as `× 2` / `x1` quantities: one per sub-order. */
export const countQuantities = (texts: readonly string[]) => texts.filter((t) => /(^|\s)[×xX]\s?\d+$/.test(t)).length;
