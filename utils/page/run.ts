import { removeBadge, renderBadge } from '@/components/badge/badge';
import { problemText } from '@/components/badge/problem';
import { badgeContent, type BadgeContent, type BadgeInput, type RuleLookup } from '@/components/badge/view';
import { openState } from '@/policies/engine/thresholds';
import type { Order } from '@/policies/order';
import type { Thresholds } from '@/policies/settings';
import type { Verdict } from '@/policies/verdict';
import type { Lang } from '@/utils/i18n';
import { MAX_ORDERS_PER_MESSAGE, PageReplySchema, type IncomingMessage, type VerdictsReply } from '@/utils/messages';
import type { DataHealth } from '@/utils/page-data/health';
import { readRow, type PageAdapter, type PageKind, type RowCandidate, type RowReading } from './adapter';
import type { RowProblem } from './read-order';
import { badgeKey, countKeys, recount, shownOnlyAt } from './badge-keys';
import { trackChanges, type PageChanges } from './changes';
import { carryRows, labelsSwapped } from './carry';
import { dropLabels, labelEntries, labelsVersion, refreshLabels } from './label-index';
import { badgePlacer, ownBadgesOnPage, sweepBadges } from './placement';
import { sameButReadAt, sameButTimeLeft } from './same-order';
import { mapInSlices, sliceLeft, sliceUsed, taskBegan, yieldToPage } from './schedule';
import { shownBadges } from './shown';
import { watchMutations } from './watch';

/**
 * One platform page's life: read the rows, send them to the background, badge every row with
 * the verdicts it answers, re-read when the SPA re-renders, tick the countdowns once a minute.
 */

export interface PageReading {
  orders: Order[];
  unreadable: { rowKey: string; reason: string }[];
}

export interface PageDeps {
  adapter: PageAdapter;
  doc: Document;
  location: () => string;
  now?: () => number;
  send: (message: IncomingMessage) => Promise<unknown>;
  rules: RuleLookup;
  /** Issue 7: joins the page's own list data (by order id) into what the DOM showed. */
  join?: (reading: PageReading, now: number) => PageReading & { health?: DataHealth };
  tickMs?: number;
  /** New badges wait for their verdicts this long at most before they go on the page, waiting. */
  showWaitingAfterMs?: number;
  watch?: { quietMs?: number; maxWaitMs?: number };
}

export interface PageSession {
  /** Reads the page now (coalesced with a scan already under way). */
  scan(): Promise<void>;
  /** The URL changed inside the SPA: drop the work in flight and read the new page. */
  navigated(): void;
  /** The page's own data changed (issue 7): re-join and re-send without waiting for the DOM. */
  dataChanged(): void;
  /** Re-evaluates the countdowns (what the minute timer does). */
  tick(): Promise<void>;
  stop(): void;
}

/** A search's rows, with what tells whether the page still shows them. */
interface RowsFound {
  kind: PageKind;
  path: string;
  /** The label index's version and label elements the rows were found with. */
  version: number;
  labels: readonly Element[];
  rows: RowCandidate[];
  /** Every element of the rows, with its row's index. */
  partAt: Map<Node, number>;
  /** The last complete reading of `rows` (by index): a row the page leaves alone keeps its reading. */
  readings?: RowReading[];
  /**
   * The readings whose every row was badged last (`of`), the rows showing each badge key in them,
   * and how many rows the page's data rescued (their badges follow the data): the next reading of
   * these rows then visits only the rows it read again.
   */
  badged?: { of: readonly RowReading[]; keys: Map<string, number>; rescued: number };
}

/** What one reading of the page gave, with what it re-read when it reused the last one's rows. */
interface RowsRead {
  readings: RowReading[];
  /** The rows read now. */
  fresh: Set<RowCandidate>;
  /** The badges on the page when it was searched anew. */
  badges?: Element[];
  swaps?: ReadonlyMap<Element, Element>;
  /** With the last reading's rows: the indexes read again and the readings they had. */
  changed?: { at: number[]; before: readonly RowReading[] };
}

const RUN_ATTR = 'data-shouyue-run';
const OPEN = new Set<Verdict['state']>(['running', 'due-soon', 'critical', 'breached']);
/** A clock whose countdown the minute tick moves. */
const countsDown = (v: Verdict) => v.deadline !== undefined && OPEN.has(v.state);
/** Orders per message: each send and each reply stays a small piece of main-thread work. */
const ORDERS_PER_MESSAGE = 150;
/** How often the countdowns move (the minute tick). */
export const TICK_MS = 60_000;
/**
 * What writing one badge's new words may cost: the minute tick's thousand, its code cold, took
 * 12–17 ms in the page bench's traces.
 */
const BADGE_WRITE_MS = 0.02;
/** A background slower than this to answer (waking up, or stuck) gets the new badges shown waiting meanwhile. */
const SHOW_WAITING_AFTER_MS = 2000;
/** Unchanged orders are sent again after this long, so the background's reading times stay fresh. */
const RESEND_ALL_MS = 5 * 60_000;
const sessions = new WeakMap<Document, PageSession>();

/** `list` in messages' worth. */
function inChunks<T>(list: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += ORDERS_PER_MESSAGE) chunks.push(list.slice(i, i + ORDERS_PER_MESSAGE));
  return chunks;
}

/** The cases a case list's row shows (its reading carries only those); undefined for an order row. */
function caseIdsOf(order: Order): string[] | undefined {
  if (order.scope !== 'cases') return undefined;
  const ids = [...order.afterSales.map((c) => c.id), ...order.serviceTickets.map((t) => t.id)];
  return ids.length ? ids : undefined;
}

/** An order row's reading is its order's; a case list has one reading per case of an order. */
const readingKey = (order: Order) => {
  const cases = caseIdsOf(order);
  return cases ? `${order.orderId}#${cases.join(',')}` : order.orderId;
};

const sameList = (a: readonly (Element | undefined)[], b: readonly (Element | undefined)[]) => a.length === b.length && a.every((el, i) => el === b[i]);
/** Found with the same elements and the same column layout (cells move when a table's columns do). */
const sameRow = (a: RowCandidate, b: RowCandidate) => a === b || (sameList(a.parts, b.parts) && a.idElement === b.idElement && a.layout === b.layout);

/** Same badge input: drawing it again would draw the same badge. */
function sameInput(a: BadgeInput | undefined, b: BadgeInput): boolean {
  if (!a || a.kind !== b.kind) return false;
  if (a.kind === 'unreadable') return a.problem === (b as typeof a).problem;
  if (a.orderId !== (b as typeof a).orderId) return false;
  return a.kind === 'waiting' || a.verdicts === (b as typeof a).verdicts;
}

/** Starts (once per document and world) the page session; a newer instance takes over from an older one. */
export function startPage(deps: PageDeps): PageSession {
  const existing = sessions.get(deps.doc);
  if (existing) return existing;
  const session = createSession(deps);
  sessions.set(deps.doc, session);
  return session;
}

function createSession(deps: PageDeps): PageSession {
  const { adapter, doc } = deps;
  const now = deps.now ?? Date.now;
  const token = `${now()}-${Math.random().toString(36).slice(2)}`;
  doc.documentElement.setAttribute(RUN_ATTR, token);

  const life = new AbortController();
  let scanCtl = new AbortController();
  /** Each row's last reading, with the elements it was read from and its badge. */
  let cache = new WeakMap<Element, { reading: RowReading; host?: Element }>();
  /** The rows the last search of the page found: reused while the page changes only inside them. */
  let found: RowsFound | undefined;
  const changes = trackChanges(doc, life.signal);
  const verdicts = new Map<string, readonly Verdict[]>();
  /** Orders the background would not take (the schema's word on what the row showed), until they read differently. */
  const rejected = new Map<string, RowProblem>();
  const shown = shownBadges();
  /** New badges are put on the page once a reading's verdicts are in (placement.ts). */
  const placer = badgePlacer();
  /** What each badge was last drawn from, so an unchanged one is not drawn again. */
  let drawn = new WeakMap<Element, BadgeInput>();
  let lang: Lang = 'zh';
  let thresholds: Thresholds | undefined;
  let orderIds: string[] = [];
  /** Per reading (readingKey), what the background last received of it; the page sends only what differs. */
  const sent = new Map<string, Order>();
  let lastUnreadable = '';
  let lastFullSend = -Infinity;
  let dataDirty = false;
  let running: Promise<void> | undefined;
  let again = false;

  /** The verdict list each badge was last drawn from: a row left alone whose list is the same needs nothing. */
  const drawnFrom = new WeakMap<Element, readonly Verdict[]>();
  /** Words worked out for badges on the page, written together when a redraw's last slice is done. */
  const unwritten = new Map<Element, BadgeContent>();
  const render = (host: Element, input: BadgeInput, later = false) => {
    shown.set(host, input);
    const from = input.kind === 'verdicts' && verdicts.get(input.orderId);
    if (from) drawnFrom.set(host, from);
    else drawnFrom.delete(host);
    if (sameInput(drawn.get(host), input)) return;
    drawn.set(host, input);
    const content = badgeContent(input, lang, deps.rules);
    if (later) return void unwritten.set(host, content);
    unwritten.delete(host);
    renderBadge(host, content);
  };
  /**
   * Re-renders the badges of `ids` (all when undefined) from the verdicts now known: their words
   * worked out in slices, then written in one go, so that the browser lays the merchant's table
   * out again once (each frame that shows changed badges lays out the whole table), not once a slice.
   */
  const rerender = async (ids?: ReadonlySet<string>) => {
    const hosts: Element[] = [];
    for (const host of ids ? shown.showing(ids) : [...shown.hosts()]) {
      if (shown.get(host)?.kind === 'unreadable') continue;
      // Badges the page has taken away since are forgotten (asked only of the badges concerned).
      if (host.isConnected || placer.holds(host)) hosts.push(host);
      else shown.delete(host);
    }
    const done = await mapInSlices(
      hosts,
      (host) => {
        // As shown now: a reading between two slices may have changed or swept it.
        const input = shown.get(host);
        if (input && input.kind !== 'unreadable') render(host, inputFor(input.orderId, host), true);
      },
      life.signal,
    );
    if (!done) return;
    // The writes begin a task of their own unless they fit in what is left of this slice.
    if (unwritten.size * BADGE_WRITE_MS > sliceLeft()) await yieldToPage();
    for (const [host, content] of unwritten) renderBadge(host, content);
    unwritten.clear();
  };
  /** A case list's row (one after-sales case or ticket) shows that case's clocks only. */
  const casesOf = new WeakMap<Element, string[]>();
  const caseViews = new WeakMap<readonly Verdict[], Map<string, readonly Verdict[]>>();
  const inputFor = (orderId: string, host?: Element): BadgeInput => {
    const problem = rejected.get(orderId);
    if (problem) return { kind: 'unreadable', problem };
    const all = verdicts.get(orderId);
    if (!all) return { kind: 'waiting', orderId };
    const cases = host && casesOf.get(host);
    if (!cases) return { kind: 'verdicts', orderId, verdicts: all };
    // One filtered list per verdict list and row, so an unchanged badge is recognised as unchanged.
    const views = caseViews.get(all) ?? new Map<string, readonly Verdict[]>();
    caseViews.set(all, views);
    const key = cases.join('\u0001');
    let view = views.get(key);
    if (!view) {
      view = all.filter((v) => v.subjectId !== undefined && cases.includes(v.subjectId));
      views.set(key, view);
    }
    return { kind: 'verdicts', orderId, verdicts: view };
  };

  /** Takes the background's verdicts for `asked` (orders without any get none) and redraws their badges. */
  const apply = (reply: VerdictsReply, asked: readonly string[]) => {
    const relabel = reply.lang !== lang;
    lang = reply.lang;
    thresholds = reply.thresholds;
    const byOrder = new Map<string, Verdict[]>();
    for (const v of reply.verdicts) {
      const list = byOrder.get(v.orderId);
      if (list) list.push(v);
      else byOrder.set(v.orderId, [v]);
    }
    for (const r of reply.rejected ?? []) rejected.set(r.orderId, { code: 'invalid', field: r.field });
    for (const id of asked) {
      if (rejected.has(id)) continue;
      // The list the badges show stays when the answer only confirms it (a tick's, counted here a
      // moment earlier): those badges are not drawn again.
      const next = byOrder.get(id) ?? [];
      const known = verdicts.get(id);
      if (!known || !sameButTimeLeft(known, next)) verdicts.set(id, next);
    }
    if (!relabel) return rerender(new Set(asked));
    drawn = new WeakMap();
    return rerender();
  };

  const ask = async (message: IncomingMessage): Promise<VerdictsReply | undefined> => {
    try {
      // No whole slice for the reply's task (no taskBegan): the browser spends 2–5 ms of it decoding
      // 150 orders' verdicts before this code resumes, so the first sliced loop gives the page a turn.
      const answer = await deps.send(message);
      const reply = PageReplySchema.safeParse(answer);
      if (!reply.success) return undefined;
      if (reply.data.ok) return reply.data;
      console.warn('[守约] background:', reply.data.error);
    } catch (e) {
      // The background may be restarting, or the extension was updated under this page.
      console.warn('[守约] no answer from the background', e);
    }
    return undefined;
  };

  /**
   * Sends every message at once (one small task each), so the background handles them together;
   * their replies, in order, are applied as they come back.
   */
  async function askAll(messages: IncomingMessage[]): Promise<Promise<VerdictsReply | undefined>[]> {
    const replies: Promise<VerdictsReply | undefined>[] = [];
    for (const message of messages) {
      if (replies.length) await yieldToPage();
      replies.push(ask(message));
    }
    return replies;
  }

  /**
   * The rows of the page: those of the last search when the page changed only texts inside them
   * (with the same label elements), or carried over when it swapped rows' elements for new ones
   * built alike (carry.ts), else a new search — with the badges then on the page, copies the page
   * made of ours taken out first so that no row is found or read with one.
   */
  async function findRows(
    kind: PageKind,
    path: string,
    since: PageChanges,
    signal: AbortSignal,
  ): Promise<{ rows: RowCandidate[]; badges?: Element[]; swaps?: ReadonlyMap<Element, Element> } | undefined> {
    // The long part of finding rows (walking the page's text) in slices; findRows then only settles.
    if (!(await refreshLabels(doc.body, signal))) return undefined;
    const last = found?.kind === kind && found.path === path ? found : undefined;
    if (last && last.version === labelsVersion(doc.body) && since.onlyTextWithin((n) => last.partAt.has(n))) return { rows: last.rows };
    const swaps = last && since.swapsWithin((n) => last.partAt.has(n));
    if (swaps?.size) {
      // Carrying rows over is one step (2–9 ms for 50 re-rendered rows): after a walk that used the
      // slice, in a task of its own. (What the page changes meanwhile is the next scan's.)
      if (sliceUsed()) await yieldToPage();
      if (signal.aborted) return undefined;
      const carried = carryOver(last!, swaps);
      if (carried) return { rows: carried, swaps };
    }
    // A search is one step (~5 ms for 1,000 rows): it starts a task of its own.
    await yieldToPage();
    if (signal.aborted) return undefined;
    const badges = ownBadgesOnPage(doc);
    const rows = adapter.findRows(doc.body, kind);
    found = rowsFound(kind, path, rows);
    return { rows, badges };
  }

  function rowsFound(kind: PageKind, path: string, rows: RowCandidate[]): RowsFound {
    const partAt = new Map<Node, number>();
    rows.forEach((r, i) => {
      for (const p of r.parts) partAt.set(p, i);
    });
    return { kind, path, version: labelsVersion(doc.body), labels: labelEntries(doc.body), rows, partAt };
  }

  /** The last rows with the ones the page re-rendered as new elements in their place (carry.ts). */
  function carryOver(last: RowsFound, swaps: ReadonlyMap<Element, Element>): RowCandidate[] | undefined {
    const carried = carryRows(last.rows, last.partAt, swaps);
    if (!carried || !labelsSwapped(last.labels, labelEntries(doc.body), carried.ids)) return undefined;
    // Only the swapped elements change: the rest of what the search found stands.
    for (const [out, into] of swaps) {
      last.partAt.set(into, last.partAt.get(out)!);
      last.partAt.delete(out);
    }
    last.rows = carried.rows;
    last.version = labelsVersion(doc.body);
    last.labels = labelEntries(doc.body);
    return carried.rows;
  }

  /**
   * Finds and reads the rows; a row the page has not touched since it was read keeps its reading.
   * `fresh`: the rows read now. With the rows of the last reading (the page changed only inside
   * them), only the rows it touched or swapped are visited: a change of 50 rows costs 50, not 1,000.
   */
  async function readRows(kind: PageKind, path: string, readAt: number, since: PageChanges, signal: AbortSignal): Promise<RowsRead | undefined> {
    const search = await findRows(kind, path, since, signal);
    if (!search) return undefined;
    const { rows, badges, swaps } = search;
    const fresh = new Set<RowCandidate>();
    const read = (row: RowCandidate, index: number) => {
      const reading = readRow(adapter, row, { kind, now: readAt, index });
      cache.set(row.anchor, { reading });
      fresh.add(row);
      return reading;
    };
    const last = found;
    let readings: RowReading[] | undefined;
    let changed: RowsRead['changed'];
    if (!badges && last?.rows === rows && last.readings) {
      const touched = since.touchedIn(last.partAt);
      for (const into of swaps?.values() ?? []) touched.add(last.partAt.get(into)!);
      changed = { at: [...touched], before: last.readings };
      const next = last.readings.slice();
      readings = (await mapInSlices(changed.at, (i) => (next[i] = read(rows[i]!, i)), signal)) && next;
    } else {
      readings = await mapInSlices(
        rows,
        (row, index) => {
          const hit = cache.get(row.anchor);
          if (!hit || !sameRow(hit.reading.row, row) || row.parts.some(since.touched)) return read(row, index);
          return hit.reading.row === row ? hit.reading : { ...hit.reading, row };
        },
        signal,
      );
    }
    if (!readings) return undefined;
    if (found === last && last?.rows === rows) last.readings = readings;
    return { readings, fresh, badges, swaps, changed };
  }

  async function scanOnce(): Promise<void> {
    if (doc.documentElement.getAttribute(RUN_ATTR) !== token) return stop(false);
    const signal = scanCtl.signal;
    let url: URL;
    try {
      url = new URL(deps.location());
    } catch {
      return;
    }
    const kind = adapter.pageKind(url);
    if (!kind || !doc.body) {
      sweepBadges(doc);
      shown.clear();
      // Coming back, the rows are searched and badged anew.
      found = undefined;
      return;
    }
    const readAt = now();
    const since = changes.take();
    let read: Awaited<ReturnType<typeof readRows>>;
    try {
      read = await readRows(kind, url.pathname, readAt, since, signal);
    } finally {
      // Aborted or failed: the changes taken were not all read; forget the readings rather than trust a stale one.
      if (!read) {
        cache = new WeakMap();
        found = undefined;
      }
    }
    if (!read) return;
    const { readings, fresh, badges, swaps, changed } = read;
    /** The row elements swapped out, by the ones swapped in: a carried row's badge moves along. */
    const swappedOut = new Map<Element, Element>();
    for (const [out, into] of swaps ?? []) swappedOut.set(into, out);

    const dom: PageReading = { orders: [], unreadable: [] };
    for (const r of readings) {
      if (r.ok) dom.orders.push(r.order);
      else dom.unreadable.push({ rowKey: r.rowKey, reason: problemText(r.problem, lang) });
    }
    const joined: PageReading & { health?: DataHealth } = deps.join ? deps.join(dom, readAt) : dom;
    const evaluated = new Set(joined.orders.map((o) => o.orderId));
    orderIds = [...evaluated];
    /** Orders whose verdicts (or rejection) are let go: their badges change. */
    const dropped = new Set<string>();
    for (const known of [verdicts, rejected]) {
      for (const id of known.keys()) {
        if (evaluated.has(id)) continue;
        known.delete(id);
        dropped.add(id);
      }
    }
    // An order that reads differently waits for its new verdicts: the old ones (or the rejection) may be wrong now.
    for (const o of joined.orders) {
      const last = sent.get(readingKey(o));
      if (last && sameButReadAt(last, o)) continue;
      verdicts.delete(o.orderId);
      rejected.delete(o.orderId);
      dropped.add(o.orderId);
    }
    // Readings no longer on the page are let go (coming back, their orders have no verdicts and go again).
    if (sent.size > 2 * joined.orders.length) {
      const onPage = new Set(joined.orders.map(readingKey));
      for (const key of sent.keys()) if (!onPage.has(key)) sent.delete(key);
    }
    // A rejected order is not sent again as it is; the background hears of its row as unreadable.
    const accepted = rejected.size ? joined.orders.filter((o) => !rejected.has(o.orderId)) : joined.orders;
    const unreadable = rejected.size
      ? [...joined.unreadable, ...[...rejected].map(([rowKey, problem]) => ({ rowKey, reason: problemText(problem, lang) }))]
      : joined.unreadable;
    // Also ask for orders back on the page whose verdicts were let go when they left it (paging back).
    const unanswered = accepted.filter((o) => !verdicts.has(o.orderId));

    // Badges: one per row, keyed by order id (or the row key of an unreadable row). After a reading
    // of the rows the last one badged, only the rows read again are visited, unless a row left
    // alone shows a key whose verdicts were let go, or the page's data rescued other rows.
    const rescued = joined.orders.length - dom.orders.length;
    /** An unreadable row shows an order's verdicts only when the page's data stood in for it (not another row of that order). */
    const stillUnreadable = rescued ? new Set(joined.unreadable.map((u) => u.rowKey)) : undefined;
    const shows = (r: RowReading, key: string) => (r.ok ? evaluated.has(key) : !!stillUnreadable && !stillUnreadable.has(key) && evaluated.has(key));
    const owner = found?.readings === readings ? found : undefined;
    const last = changed && owner?.badged?.of === changed.before ? owner.badged : undefined;
    if (changed && last) recount(last.keys, changed.at, changed.before, readings);
    const keys = changed && last ? last.keys : countKeys(readings);
    const onlyChanged = changed && last?.rescued === rescued && !dataDirty && shownOnlyAt(dropped, keys, changed.at, readings) ? changed : undefined;
    const keep = new Set<Element>();
    const placed = await mapInSlices(
      onlyChanged ? onlyChanged.at.map((i) => readings[i]!) : readings,
      (r) => {
        const key = badgeKey(r);
        const entry = cache.get(r.row.anchor);
        // A row the page left alone keeps its badge (the page taking it out is a change of the row;
        // this session may have swept it while the row was away).
        const kept = !fresh.has(r.row) && entry?.host?.isConnected ? entry.host : undefined;
        // Most rows of a reading: untouched, badged, and no new verdicts since (a case row's view
        // of them follows from its cases, which an untouched row keeps).
        const from = kept && r.ok && shown.has(kept) ? drawnFrom.get(kept) : undefined;
        if (from && from === verdicts.get(key)) {
          keep.add(kept!);
          return;
        }
        const out = swappedOut.get(r.row.anchor);
        const host = kept ?? placer.place(r.row, key, out && cache.get(out)?.host);
        if (entry) entry.host = host;
        keep.add(host);
        const cases = r.ok ? caseIdsOf(r.order) : undefined;
        if (cases) casesOf.set(host, cases);
        else casesOf.delete(host);
        render(host, shows(r, key) ? inputFor(key, host) : { kind: 'unreadable', problem: r.ok ? { code: 'invalid' } : r.problem });
      },
      signal,
    );
    if (!placed) return placer.drop();
    const late = setTimeout(() => placer.commit(), deps.showWaitingAfterMs ?? SHOW_WAITING_AFTER_MS);
    try {
      // After a new search, any badge on the page not placed now goes (its row left); while the rows
      // stay the same, only those this session drew can be left over. (Rows read again in place keep
      // their badge's spot, and a carried row takes its badge along: visiting only those leaves none.)
      for (const host of badges ?? []) if (!keep.has(host) && host.isConnected) removeBadge(host);
      if (!onlyChanged) {
        for (const host of shown.hosts()) {
          if (keep.has(host)) continue;
          shown.delete(host);
          if (host.isConnected) removeBadge(host);
        }
      }
      if (owner && found === owner && owner.readings === readings) owner.badged = { of: readings, keys, rescued };

      // Send only what changed: a page re-rendering the same orders (or ticking its own countdown)
      // is not news for the background. Every few minutes all of them go, to renew their reading time.
      const unreadableKey = unreadable.map((u) => u.rowKey).join(',');
      if (!unanswered.length && !dataDirty && unreadableKey === lastUnreadable) return;
      const all = readAt - lastFullSend >= RESEND_ALL_MS;
      const outgoing = all ? accepted : unanswered;
      if (all) lastFullSend = readAt;
      lastUnreadable = unreadableKey;
      dataDirty = false;
      // One message even with no orders: it carries the unreadable rows and the data's health.
      const chunks = outgoing.length ? inChunks(outgoing) : [[]];
      const replies = await askAll(
        chunks.map((orders) => ({
          type: 'page-read',
          platform: adapter.platform,
          pagePath: url.pathname,
          readAt,
          orders,
          rows: joined.orders.length,
          unreadable: unreadable.slice(0, MAX_ORDERS_PER_MESSAGE),
          ...(joined.health ? { dataHealth: joined.health } : {}),
        })),
      );
      for (const [i, pending] of replies.entries()) {
        const reply = await pending;
        if (signal.aborted) return;
        const orders = chunks[i]!;
        if (!reply) {
          // Not received: send these again with the next reading.
          for (const o of orders) sent.delete(readingKey(o));
          lastFullSend = -Infinity;
          continue;
        }
        for (const o of orders) sent.set(readingKey(o), o);
        await apply(reply, orders.map((o) => o.orderId));
      }
    } finally {
      // New badges go on the page with their verdicts' words and widths: one layout of the list.
      clearTimeout(late);
      // In a task of their own if this one has had its slice (1,000 insertions take a few milliseconds).
      if (!signal.aborted && sliceUsed()) await yieldToPage();
      if (signal.aborted) placer.drop();
      else placer.commit();
    }
  }

  function scan(): Promise<void> {
    if (life.signal.aborted) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await scanOnce();
        } catch (e) {
          console.warn('[守约] page read failed', e);
        }
      } while (again && !life.signal.aborted);
      running = undefined;
    })();
    return running;
  }

  /** Countdowns move locally from each deadline; the background then confirms state changes. */
  async function tick(): Promise<void> {
    if (!orderIds.length) return;
    const t = now();
    for (const [id, list] of verdicts) {
      // An order with no clock counting down keeps its list, and its badge is not drawn again.
      if (!list.some(countsDown)) continue;
      verdicts.set(
        id,
        list.map((v) => {
          if (!countsDown(v)) return v;
          const timeLeftMs = v.deadline! - t;
          const state = v.informational || !thresholds ? v.state : openState(timeLeftMs, v.windowMs ?? 0, thresholds);
          return { ...v, timeLeftMs, state };
        }),
      );
    }
    await rerender();
    // The background's word on state changes (it answers the messages from one recompute).
    const chunks = inChunks(orderIds.filter((id) => !rejected.has(id)).slice(0, MAX_ORDERS_PER_MESSAGE));
    const replies = await askAll(chunks.map((orderIds) => ({ type: 'verdicts', platform: adapter.platform, orderIds })));
    for (const [i, pending] of replies.entries()) {
      const asked = chunks[i]!;
      const reply = await pending;
      if (!reply || life.signal.aborted) return;
      const answered = new Set(reply.verdicts.map((v) => v.orderId));
      await apply(reply, asked.filter((id) => answered.has(id)));
    }
  }

  function stop(removeBadges = true) {
    life.abort();
    scanCtl.abort();
    if (removeBadges) sweepBadges(doc);
    if (doc.body) dropLabels(doc.body);
    if (doc.documentElement.getAttribute(RUN_ATTR) === token) doc.documentElement.removeAttribute(RUN_ATTR);
    sessions.delete(doc);
  }

  // Both timers' callbacks begin tasks of their own.
  watchMutations(doc, () => (taskBegan(), void scan()), life.signal, deps.watch);
  const timer = setInterval(() => (taskBegan(), void tick()), deps.tickMs ?? TICK_MS);
  life.signal.addEventListener('abort', () => clearInterval(timer));

  return {
    scan,
    tick,
    stop: () => stop(true),
    navigated() {
      found = undefined;
      scanCtl.abort();
      scanCtl = new AbortController();
      life.signal.addEventListener('abort', () => scanCtl.abort(), { once: true });
      void scan();
    },
    dataChanged() {
      dataDirty = true;
      void scan();
    },
  };
}
