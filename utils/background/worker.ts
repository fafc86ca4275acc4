import { browser } from 'wxt/browser';
import { PLATFORMS, type Platform } from '@/policies/platforms';
import type { ClockState, Verdict } from '@/policies/verdict';
import {
  ExtensionPageMessageSchema,
  IncomingMessageSchema,
  MarkMessageSchema,
  PageReadMessageSchema,
  type PopupStateReply,
  type RejectedOrder,
  type Reply,
  type VerdictsReply,
} from '@/utils/messages';
import { problemText } from '@/components/badge/problem';
import type { Lang } from '@/utils/i18n';
import { isPlatformEnabled, quietHoursEnd, type ExtensionSettings } from '@/utils/settings';
import { VALUE_ITEMS, type StoredOrders } from '@/utils/storage';
import type { z } from 'zod';
import { earliestAfter, scheduleWake, WAKE_ALARM } from './alarm';
import { badgeFor, type Badge } from './badge';
import { evaluateOrders, nextChange, ruleTitle } from './evaluate';
import { STALE_AFTER_MS, recordReading } from './health';
import { clockKey, orderKey } from './keys';
import { applyMark, isHidden, liveMarks } from './marks';
import { mergeOrders } from './merge';
import { planNotifications, showNotifications } from './notify';
import { openOrderPage } from './open-page';
import { forOrders, nextExpiry, pruneOrders } from './prune';
import type { PlatformSummary, PopupItem } from './schemas';
import { isOwnContentScript, isOwnPage, type Sender } from './sender';
import {
  corruptionProblem,
  describeError,
  forgetLoaded,
  loadState,
  ordersToRewrite,
  removeAllButSettings,
  saveState,
  StorageWriteError,
  type Part,
  type WorkerState,
} from './store';
import { checkMessage, checkOrders } from './validate';

/**
 * The background worker's logic. Every event takes the state (read from storage once per worker
 * life, store.ts), works, and writes what changed back: the worker is killed when idle, and a new
 * one starts from storage. Events are handled one at a time so two tabs' readings cannot overwrite
 * each other.
 */

export const DEFAULT_SNOOZE_MS = 3_600_000;

let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Items that queue up while the worker is busy are handled together, in one job of the queue: a
 * page sends a long list (or its minute's queries) as several messages at once, and each job loads
 * every stored order and evaluates them — once for all of them, not once per message.
 */
function batched<T>(handle: (batch: T[]) => Promise<void>): (item: T) => void {
  let pending: T[] = [];
  return (item) => {
    pending.push(item);
    if (pending.length > 1) return;
    void serialized(() => {
      const batch = pending;
      pending = [];
      return handle(batch);
    });
  };
}

/** Resolves once the work queued so far is done (a reading's answer may come before it is stored). */
export function idle(): Promise<void> {
  return queue.then(() => undefined);
}

export interface Settled {
  state: WorkerState;
  /** Every stored order before pruning (a page's reply needs finished ones too). */
  read: StoredOrders;
  /** Verdicts of the orders kept. */
  kept: Verdict[];
  badge: Badge;
}

/** What a page's reply needs: the stored orders with a reading merged in, and the settings. */
type Readable = Pick<Settled, 'state' | 'read'>;

/** The merchant's clocks on enabled platforms. */
function merchantClocks(verdicts: readonly Verdict[], settings: ExtensionSettings): Verdict[] {
  return verdicts.filter((v) => !v.informational && isPlatformEnabled(settings, v.platform));
}

async function setBadge(badge: Badge): Promise<void> {
  const action = browser.action ?? browser.browserAction; // Firefox MV2 has browserAction
  await action.setBadgeText({ text: badge.text });
  if (badge.text) await action.setBadgeBackgroundColor({ color: badge.color });
}

/**
 * Evaluate, prune, notify, badge and schedule the next wake; write what changed. A storage
 * failure is recorded in `state.problems` (the popup shows it) and notifications wait, since
 * their sent set could not be persisted.
 */
async function settle(now: number, change?: (s: WorkerState) => Set<Part>, merged?: (s: Readable) => void): Promise<Settled> {
  const { state, corrupted, asStored } = await loadState();
  const dirty = change ? change(state) : new Set<Part>();
  if (ordersToRewrite(state.orders, asStored)) dirty.add('orders');
  if (corrupted.length > 0) {
    console.warn('[shouyue] dropped corrupted stored values', corrupted);
    state.problems = { ...state.problems, corrupted: corruptionProblem(corrupted, now) };
    for (const part of ['orders', 'health', 'notified', 'marks', 'problems'] as const) dirty.add(part);
    if (corrupted.some((c) => c.startsWith('settings'))) await VALUE_ITEMS.settings.setValue(state.settings);
  }
  const { settings } = state;
  const read = state.orders;
  merged?.({ state, read });
  const verdicts = evaluateOrders(Object.values(read), now, settings);

  const orders = pruneOrders(read, verdicts, now, settings.retentionDays);
  if (orders !== state.orders) {
    state.orders = orders;
    dirty.add('orders');
  }
  const kept = orders === read ? verdicts : verdicts.filter((v) => orderKey(v) in orders);
  const marks = liveMarks(state.marks, kept, now);
  if (Object.keys(marks).length !== Object.keys(state.marks).length) {
    state.marks = marks;
    dirty.add('marks');
  }
  const notified = forOrders(state.notified, orders);
  const clocks = merchantClocks(kept, settings);
  const plan = planNotifications(clocks, notified, marks, settings, now);
  if (plan.record.length > 0 || Object.keys(notified).length !== Object.keys(state.notified).length) {
    state.notified = { ...notified, ...Object.fromEntries(plan.record.map((k) => [k, now])) };
    dirty.add('notified');
  }

  let saved = true;
  try {
    state.problems = await saveState(state, dirty, now, asStored);
  } catch (error) {
    if (!(error instanceof StorageWriteError)) throw error;
    state.problems = error.problems;
    saved = false;
  }
  if (saved) {
    await showNotifications(plan.send, settings.lang, (id) => ruleTitle(id, settings.lang), now).catch((e: unknown) =>
      console.error('[shouyue] notification failed', e),
    );
  }
  const visible = clocks.filter((v) => !isHidden(v, marks[clockKey(v)], now));
  const badge = badgeFor(visible);
  await setBadge(badge);
  const snoozeEnds = Object.values(marks).map((m) => (m.kind === 'snooze' ? m.until : undefined));
  await scheduleWake(
    earliestAfter(
      [
        nextChange(kept, settings),
        ...snoozeEnds,
        plan.deferred ? quietHoursEnd(settings.notifications.quietHours, now) : undefined,
        nextExpiry(orders, settings.retentionDays),
      ],
      now,
    ),
  );
  return { state, read, kept, badge };
}

/** Recompute everything (on start, on an alarm, after a settings change). */
export function refresh(now = Date.now()): Promise<Settled> {
  return serialized(() => settle(now));
}

/** Reads storage again (the options page saved the settings), then recomputes. */
function reload(now: number): Promise<Settled> {
  return serialized(() => (forgetLoaded(), settle(now)));
}

/**
 * A page's verdicts for the orders it asked about. A page row can be a single after-sales case or
 * service ticket, so case rules give one verdict per case (subjectId names it); the popup,
 * notifications and badge count keep one per order × rule.
 */
function verdictsReply(settled: Readable, now: number, keys: ReadonlySet<string>): VerdictsReply {
  const { settings } = settled.state;
  const asked = [...keys].flatMap((key) => settled.read[key] ?? []);
  return {
    ok: true,
    now,
    lang: settings.lang,
    thresholds: settings.thresholds,
    verdicts: evaluateOrders(asked, now, settings, { everyCase: true }),
  };
}

function emptyReply(settings: ExtensionSettings, now: number): Reply {
  return { ok: true, now, lang: settings.lang, thresholds: settings.thresholds, verdicts: [] };
}

type PageRead = z.infer<typeof PageReadMessageSchema>;
interface PendingRead {
  message: PageRead;
  now: number;
  answer: (reply: Promise<Reply>) => void;
}

/** Page readings that arrive together are stored together: one load and one write of the orders. */
const queueReading = batched(storeReadings);

function onPageRead(message: PageRead, now: number): Promise<Reply> {
  return new Promise((answer) => queueReading({ message, now, answer }));
}

async function storeReadings(reads: PendingRead[]): Promise<void> {
  const batch = reads.map((read) => ({ ...read, checked: checkOrders(read.message.orders, read.message.platform) }));
  const now = Math.max(...batch.map((r) => r.now));
  // The page is answered as soon as its readings are merged; storing them (the slow part with a
  // long list) goes on behind the answer, still before the next job of the queue.
  let answerNow: (s: Readable) => void = () => undefined;
  const merged = new Promise<Readable>((resolve) => (answerNow = resolve));
  const settling = settle(now, (state) => {
    const enabled = batch.filter(({ message }) => isPlatformEnabled(state.settings, message.platform));
    if (!enabled.length) return new Set<Part>();
    // One merge for the batch: each merge copies the whole stored map.
    state.orders = mergeOrders(state.orders, enabled.flatMap(({ checked }) => checked.orders), state.settings.retentionDays);
    for (const { message, now: at, checked } of enabled) {
      state.health = recordReading(state.health, withRejected(message, checked.rejected, state.settings.lang), at);
    }
    return new Set<Part>(['orders', 'health']);
  }, (s) => answerNow(s));
  const readable = Promise.race([merged, settling]);
  for (const { message, answer, checked } of batch) {
    answer(
      readable.then((settled): Reply => {
        if (!isPlatformEnabled(settled.state.settings, message.platform)) return emptyReply(settled.state.settings, now);
        const reply = verdictsReply(settled, now, new Set(checked.orders.map(orderKey)));
        return checked.rejected.length ? { ...reply, rejected: checked.rejected } : reply;
      }),
    );
  }
  await settling.catch(() => undefined); // each reading's answer carries the failure
}

/** A reading's unreadable rows, with the orders the schema rejected (their rows show 无法识别 too). */
function withRejected(message: PageRead, rejected: readonly RejectedOrder[], lang: Lang): PageRead {
  if (!rejected.length) return message;
  const rows = rejected.map((r) => ({ rowKey: r.orderId, reason: problemText({ code: 'invalid', field: r.field }, lang) }));
  return { ...message, unreadable: [...message.unreadable, ...rows] };
}

interface PendingQuery {
  platform: Platform;
  orderIds: readonly string[];
  now: number;
  answer: (reply: Promise<Reply>) => void;
}

/** A page's verdicts queries (its minute tick asks in several messages at once) share one recompute. */
const queueQuery = batched(async (queries: PendingQuery[]) => {
  const now = Math.max(...queries.map((q) => q.now));
  const settling = settle(now);
  for (const { platform, orderIds, answer } of queries) {
    answer(
      settling.then((settled) =>
        isPlatformEnabled(settled.state.settings, platform)
          ? verdictsReply(settled, now, new Set(orderIds.map((orderId) => orderKey({ platform, orderId }))))
          : emptyReply(settled.state.settings, now),
      ),
    );
  }
  await settling.catch(() => undefined); // each query's answer carries the failure
});

function onVerdictsQuery(platform: Platform, orderIds: readonly string[], now: number): Promise<Reply> {
  return new Promise((answer) => queueQuery({ platform, orderIds, now, answer }));
}

const LISTED: ReadonlySet<ClockState> = new Set(['breached', 'critical', 'due-soon', 'unknown', 'running']);

export function popupState(settled: Settled, now: number): PopupStateReply {
  const { state } = settled;
  const clocks = merchantClocks(settled.kept, state.settings);
  const items: PopupItem[] = clocks
    .filter((v) => LISTED.has(v.state))
    .map((v) => {
      const order = state.orders[orderKey(v)];
      const key = clockKey(v);
      return {
        ...v,
        key,
        amount: order?.amount,
        subOrderCount: order?.subOrderCount ?? 1,
        readAt: order?.readAt ?? now,
        mark: state.marks[key],
      };
    });
  const platforms: PlatformSummary[] = PLATFORMS.map((platform) => {
    const counts: PlatformSummary['counts'] = {};
    for (const v of clocks) if (v.platform === platform) counts[v.state] = (counts[v.state] ?? 0) + 1;
    return {
      platform,
      enabled: isPlatformEnabled(state.settings, platform),
      orders: Object.values(state.orders).filter((o) => o.platform === platform).length,
      counts,
      health: state.health[platform],
    };
  });
  return { ok: true, now, lang: state.settings.lang, staleAfterMs: STALE_AFTER_MS, platforms, items, problems: state.problems };
}

async function onMark(message: z.infer<typeof MarkMessageSchema>, now: number): Promise<PopupStateReply> {
  const settled = await serialized(() =>
    settle(now, (state) => {
      const verdict = evaluateOrders(Object.values(state.orders), now, state.settings).find(
        (v) => clockKey(v) === message.key,
      );
      state.marks = applyMark(state.marks, message.key, message.action, verdict, now, message.snoozeMs ?? DEFAULT_SNOOZE_MS);
      return new Set<Part>(['marks']);
    }),
  );
  return popupState(settled, now);
}

/** Forgets every order, reading, mark and sent notification; the settings stay. */
export function deleteAllData(): Promise<void> {
  return serialized(async () => {
    await removeAllButSettings();
    await setBadge({ text: '', color: '' });
    await scheduleWake(undefined);
    const shown = await browser.notifications.getAll();
    await Promise.all(Object.keys(shown).map((id) => browser.notifications.clear(id)));
  });
}

type Route = 'page' | 'content';

/**
 * Who may send what, decided before anything is parsed: this extension's pages send page
 * messages; its content scripts send platform messages, each only for the platform whose back
 * office the tab is on. Anything else is ignored (undefined).
 */
export function route(message: unknown, sender: Sender): Route | undefined {
  if (typeof sender !== 'object' || sender === null) return undefined;
  const extensionId = browser.runtime.id;
  if (isOwnPage(sender, extensionId, browser.runtime.getURL('/'))) return 'page';
  const platform = (message as { platform?: unknown } | null)?.platform;
  const known = PLATFORMS.find((p) => p === platform);
  return known && isOwnContentScript(sender, extensionId, known) ? 'content' : undefined;
}

async function answerPage(message: unknown, now: number): Promise<unknown> {
  const checked = checkMessage(ExtensionPageMessageSchema, message);
  if (!checked.ok) return { ok: false, error: checked.error };
  const m = checked.value;
  if (m.type === 'popup-state') return popupState(await refresh(now), now);
  if (m.type === 'mark') return onMark(m, now);
  if (m.type === 'settings-changed') await reload(now);
  else await deleteAllData();
  return { ok: true };
}

async function answerContent(message: unknown, now: number): Promise<Reply> {
  const checked = checkMessage(IncomingMessageSchema, message);
  if (!checked.ok) return { ok: false, error: checked.error };
  const m = checked.value;
  return m.type === 'page-read' ? onPageRead(m, now) : onVerdictsQuery(m.platform, m.orderIds, now);
}

/** Answers one message from a routed sender. Never rejects: failures become `{ ok: false }`. */
export async function answer(routeTo: Route, message: unknown, now = Date.now()): Promise<unknown> {
  try {
    return routeTo === 'page' ? await answerPage(message, now) : await answerContent(message, now);
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** The notification id is `platform:orderId:…|state` (see notify.sentKey). */
function platformOfNotification(id: string): Platform | undefined {
  const platform = id.split(':', 1)[0];
  return PLATFORMS.find((p) => p === platform);
}

function logged(work: Promise<unknown>): Promise<void> {
  return work.then(
    () => undefined,
    (e: unknown) => console.error('[shouyue]', e),
  );
}

/** Registers every listener synchronously, as MV3 requires, then recomputes once (wake/start). */
export function startBackground(): void {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const routeTo = route(message, sender as Sender);
    if (routeTo === undefined) return false; // not ours to answer
    void answer(routeTo, message).then(sendResponse);
    return true; // the answer is sent asynchronously
  });
  // Listeners return their work's promise so whoever fires the event can wait for it.
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === WAKE_ALARM ? logged(refresh()) : undefined));
  browser.notifications.onClicked.addListener((id) => {
    const platform = platformOfNotification(id);
    return logged(Promise.all([platform && openOrderPage(platform), browser.notifications.clear(id)]));
  });
  browser.runtime.onStartup.addListener(() => logged(refresh()));
  browser.runtime.onInstalled.addListener(() => logged(refresh()));
  // Settings changes come as a message from the options page, not as a storage.onChanged listener:
  // with one, the browser would send this worker every stored value written, old and new (each
  // reading rewrites the stored orders), for it to decode — about a quarter of the worker's and
  // the browser's work during a 1,000-row page's first read.
  void logged(refresh());
}
