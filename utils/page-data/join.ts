import type { Order } from '@/policies/order';
import type { DataHealth, Disagreement } from './health';
import { overlay } from './merge';
import { caseKey, type PageDataState } from './receiver';

/**
 * Joins what the DOM adapter read (one order per badged row) with the page's own data: an order
 * row by order id, a case-list row (scope 'cases', one row per case or service ticket) by its case
 * or ticket id, so two cases of one order keep their own deadlines. The DOM says which rows exist
 * and where to badge; the data wins for the countdown. Where the two disagree on status, amount or a printed deadline,
 * the disagreement is recorded.
 */

export interface UnreadableRow {
  rowKey: string;
  reason: string;
}

export interface PageReading {
  orders: Order[];
  unreadable: UnreadableRow[];
}

export interface JoinedReading extends PageReading {
  health: DataHealth;
}

/** The page prints deadlines to the minute; less than this apart is the same deadline. */
const SAME_DEADLINE_MS = 60_000;
const SAME_AMOUNT_YUAN = 0.005;

function disagreements(page: Order, data: Order, at: number): Disagreement[] {
  const found: Disagreement[] = [];
  const note = (field: Disagreement['field'], pageValue: Disagreement['page'], dataValue: Disagreement['data']) =>
    found.push({ at, orderId: page.orderId, field, page: pageValue, data: dataValue });
  if (page.status !== undefined && data.status !== undefined && page.status !== data.status) {
    note('status', page.status, data.status);
  }
  if (page.amount !== undefined && data.amount !== undefined && Math.abs(page.amount - data.amount) > SAME_AMOUNT_YUAN) {
    note('amount', page.amount, data.amount);
  }
  const printed = page.timeline.shipBy;
  const known = data.timeline.shipBy;
  if (printed !== undefined && known !== undefined && Math.abs(printed - known) >= SAME_DEADLINE_MS) {
    note('shipBy', printed, known);
  }
  return found;
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * A case-list row's cases and tickets, each joined with the data's copy by its own id; undefined
 * when the data has none of them. An after-sales case takes the data's known fields; a ticket is
 * the data's (its reply state included), keeping the deadline the page printed when the data has none.
 */
function joinCases(page: Order, data: PageDataState): Order | undefined {
  let readAt = page.readAt;
  let matched = false;
  const join = <T extends { id: string }>(list: 'afterSales' | 'serviceTickets', mine: readonly T[], theirsIn: (o: Order) => T | undefined, combine: (mine: T, theirs: T) => T): T[] =>
    mine.map((c) => {
      const known = data.cases.get(caseKey(list, c.id));
      const theirs = known && theirsIn(known);
      if (!known || !theirs) return c;
      matched = true;
      readAt = Math.max(readAt, known.readAt);
      return combine(c, theirs);
    });
  const afterSales = join('afterSales', page.afterSales, (o) => o.afterSales[0], (c, theirs) => ({ ...c, ...defined(theirs) }));
  const serviceTickets = join('serviceTickets', page.serviceTickets, (o) => o.serviceTickets[0], (t, theirs) => ({ ...theirs, deadline: theirs.deadline ?? t.deadline }));
  return matched ? { ...page, afterSales, serviceTickets, readAt, source: 'json' } : undefined;
}

/**
 * Joined orders by the reading they came from, reused while the data behind them is the same
 * objects: an unchanged row keeps an unchanged order (the page sends only orders that changed).
 */
const memo = new WeakMap<Order, { from: readonly (Order | undefined)[]; joined: Order | undefined }>();

function remembered(page: Order, from: readonly (Order | undefined)[], join: () => Order | undefined): Order | undefined {
  const hit = memo.get(page);
  if (hit && hit.from.length === from.length && hit.from.every((o, i) => o === from[i])) return hit.joined;
  const joined = join();
  memo.set(page, { from, joined });
  return joined;
}

const casesBehind = (page: Order, data: PageDataState) => [
  ...page.afterSales.map((c) => data.cases.get(caseKey('afterSales', c.id))),
  ...page.serviceTickets.map((t) => data.cases.get(caseKey('serviceTickets', t.id))),
];

export function joinPageData(
  reading: PageReading,
  data: PageDataState,
  now: number,
  previous?: DataHealth,
): JoinedReading {
  let matched = 0;
  let rescued = 0;
  const found: Disagreement[] = [];
  const orders = reading.orders.map((page) => {
    if (page.scope === 'cases') {
      const joined = remembered(page, casesBehind(page, data), () => joinCases(page, data));
      if (joined) matched++;
      return joined ?? page;
    }
    const known = data.orders.get(page.orderId);
    if (!known) return page;
    matched++;
    found.push(...disagreements(page, known, now));
    return remembered(page, [known], () => overlay(page, known))!;
  });
  const unreadable = reading.unreadable.filter((row) => {
    const known = data.orders.get(row.rowKey);
    if (!known) return true;
    // The row's text could not be read, but its id could, and the data has the order.
    rescued++;
    orders.push(known);
    return false;
  });
  return {
    orders,
    unreadable,
    health: {
      jsonSeenAt: data.jsonSeenAt,
      matched,
      domOnly: reading.orders.length - matched,
      rescued,
      unreadable: unreadable.length,
      lastDisagreement: found.at(-1) ?? previous?.lastDisagreement,
      lastParseFailure: data.lastParseFailure,
      lastNotData: data.lastNotData,
    },
  };
}
