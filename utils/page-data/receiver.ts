import { z } from 'zod';
import type { Order } from '@/policies/order';
import { CHANNEL, ENDPOINT_IDS, MAX_BODY_CHARS } from './endpoints';
import type { ParseFailure } from './health';
import { overlay } from './merge';
import type { NotDataReason, PageParsers, ParseResult } from './result';

/**
 * Isolated-world side of the page-data channel: validates what the main-world observer posted
 * (anyone on the page can post, so it is untrusted input), parses it and keeps the latest data
 * per order id, and for case lists also per case id. A captcha or a broken response is recorded
 * and leaves earlier data in place.
 */

const ObservedResponseSchema = z.object({
  channel: z.literal(CHANNEL),
  kind: z.literal('response'),
  endpoint: z.enum(ENDPOINT_IDS),
  status: z.number().int(),
  body: z.string().max(MAX_BODY_CHARS),
  seenAt: z.number(),
});

/** Orders kept per page; the oldest readings go first (a list page holds far fewer). */
export const MAX_KEPT_ORDERS = 5_000;

export interface PageDataState {
  orders: ReadonlyMap<string, Order>;
  /**
   * Case-list data (scope 'cases') by caseKey: one case-only order per case, so two cases of one
   * order, or cases of one order seen in different responses, stay apart.
   */
  cases: ReadonlyMap<string, Order>;
  jsonSeenAt?: number;
  lastParseFailure?: ParseFailure;
  lastNotData?: { at: number; reason: NotDataReason };
}

export interface PageDataStore {
  /** Handles one `message` event's data; returns true when it changed the orders. */
  receive(data: unknown): boolean;
  state(): PageDataState;
}

/** Key of one case in PageDataState.cases: case ids are unique per list, not across lists. */
export const caseKey = (list: 'afterSales' | 'serviceTickets', id: string) => `${list}:${id}`;

/** Re-inserts under `key` (Map order = reading order, oldest first) unless `value` is older than what is kept. */
function keepLatest(map: Map<string, Order>, key: string, value: Order, merge: (previous: Order, value: Order) => Order): void {
  const previous = map.get(key);
  if (previous && previous.readAt > value.readAt) return; // a replayed older copy
  map.delete(key);
  map.set(key, previous ? merge(previous, value) : value);
  while (map.size > MAX_KEPT_ORDERS) map.delete(map.keys().next().value as string);
}

/** A store for one platform's lists: responses of other endpoints are not its business and are ignored. */
export function createPageDataStore(parsers: PageParsers, now: () => number = Date.now): PageDataStore {
  const orders = new Map<string, Order>();
  const cases = new Map<string, Order>();
  const state: Omit<PageDataState, 'orders' | 'cases'> = {};

  const fail = (failure: Omit<ParseFailure, 'at'>) => {
    state.lastParseFailure = { at: now(), ...failure };
  };

  const keep = (order: Order) => {
    keepLatest(orders, order.orderId, order, overlay);
    if (order.scope !== 'cases') return;
    for (const c of order.afterSales) keepLatest(cases, caseKey('afterSales', c.id), { ...order, afterSales: [c], serviceTickets: [] }, (_, v) => v);
    for (const t of order.serviceTickets) keepLatest(cases, caseKey('serviceTickets', t.id), { ...order, afterSales: [], serviceTickets: [t] }, (_, v) => v);
  };

  return {
    receive(data) {
      const message = ObservedResponseSchema.safeParse(data);
      if (!message.success) return false; // not ours, or forged in a shape we don't accept
      const { endpoint, status, body, seenAt } = message.data;
      const parse = parsers[endpoint];
      if (!parse) return false;
      if (status < 200 || status >= 300) {
        fail({ endpoint, kind: 'http', detail: `HTTP ${status}` });
        return false;
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        fail({ endpoint, kind: 'not-json', detail: 'response is not JSON' });
        return false;
      }
      // When the page received it (replays arrive later); never later than now.
      const readAt = Math.min(Math.trunc(seenAt), now());
      let result: ParseResult;
      try {
        result = parse(json, readAt);
      } catch {
        fail({ endpoint, kind: 'unrecognized', detail: 'parser error' });
        return false;
      }
      if (result.kind === 'not-data') {
        state.lastNotData = { at: readAt, reason: result.reason };
        return false;
      }
      if (result.kind === 'unrecognized') {
        fail({ endpoint, kind: 'unrecognized', detail: result.reason });
        return false;
      }
      state.jsonSeenAt = Math.max(state.jsonSeenAt ?? 0, readAt);
      if (result.rowFailures.length > 0) {
        const first = result.rowFailures[0]!;
        fail({ endpoint, kind: 'rows', detail: `${result.rowFailures.length} row(s) unreadable; first: ${first.reason}` });
      }
      for (const order of result.orders) keep(order);
      return result.orders.length > 0;
    },
    state: () => ({ ...state, orders, cases }),
  };
}

/** Listens for the observer's messages on this window; returns the stop function. */
export function listenForPageData(store: PageDataStore, onChange: () => void, win: Window = window): () => void {
  const listener = (event: MessageEvent) => {
    if (event.source !== win) return;
    try {
      if (store.receive(event.data)) onChange();
    } catch {
      // A parser bug must not stop the content script; the health line shows missing data.
    }
  };
  win.addEventListener('message', listener);
  // Ask the observer for what the page loaded before this script started.
  win.postMessage({ channel: CHANNEL, kind: 'replay' }, win.location.origin);
  return () => win.removeEventListener('message', listener);
}
