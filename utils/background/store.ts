import { OrderSchema, type Order } from '@/policies/order';
import { ExtensionSettingsSchema, DEFAULT_SETTINGS, type ExtensionSettings } from '@/utils/settings';
import { storage } from 'wxt/utils/storage';
import { VALUE_ITEMS, migrateOrdersV1toV2, problemsItem, type StoredOrders } from '@/utils/storage';
import { inArea, LEGACY_ORDERS_KEY, ORDERS_VERSION, orderKey, orderKeyOfStorageKey, orderStorageKey, type LocalKey } from './keys';
import {
  MarksSchema,
  ProblemsSchema,
  ReadHealthSchema,
  type Mark,
  type Problems,
  type ReadHealthMap,
} from './schemas';
import { PlatformSchema } from '@/policies/platforms';
import { z } from 'zod';

/** Everything the worker knows: stored on every event, read from storage once per worker life (`loadState`). */
export interface WorkerState {
  orders: StoredOrders;
  health: ReadHealthMap;
  notified: Record<string, number>;
  marks: Record<string, Mark>;
  settings: ExtensionSettings;
  problems: Problems;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const parseWith =
  <T>(schema: z.ZodType<T>) =>
  (_: string, v: unknown): T | undefined => {
    const r = schema.safeParse(v);
    return r.success ? r.data : undefined;
  };

/** Validates each entry on its own, so one bad entry never costs the others. */
function validEntries<T>(
  raw: unknown,
  what: string,
  parse: (key: string, value: unknown) => T | undefined,
  bad: string[],
): Record<string, T> {
  const out: Record<string, T> = {};
  if (raw === null || raw === undefined) return out;
  if (!isRecord(raw)) {
    bad.push(what);
    return out;
  }
  for (const [key, value] of Object.entries(raw)) {
    const parsed = parse(key, value);
    if (parsed === undefined) bad.push(`${what}:${key}`);
    else out[key] = parsed;
  }
  return out;
}

/** The orders as storage holds them: what a write of the orders compares with and cleans up. */
export interface OrdersAsStored {
  /** Each order loaded from its own key, by order key: written again only once replaced. */
  loaded: ReadonlyMap<string, Order>;
  /** Keys to remove at the next write: bad entries, entries under another order's key, the v1/v2 value. */
  stale: readonly LocalKey[];
  /** The stored version is not this one's. */
  outdated: boolean;
}

/** Whether the orders must be written even if nothing changed them: a v1/v2 value, misfiled or bad entries, an old version. */
export const ordersToRewrite = (orders: StoredOrders, asStored: OrdersAsStored) =>
  asStored.stale.length > 0 || (asStored.outdated && Object.keys(orders).length > 0);

/** A v3 order as stored: its JSON text, or undefined (then reported as bad) for anything else. */
function fromJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The versions whose orders this one reads: v1 and v2 as one value, v3 one per key. */
const READABLE_VERSIONS: readonly unknown[] = [undefined, 1, 2, ORDERS_VERSION];
const LEGACY_AREA_KEY = inArea(LEGACY_ORDERS_KEY);

/**
 * Every stored order, validated one by one and re-keyed from its own fields, so a wrong key cannot
 * hide a duplicate; the newest reading of an order wins.
 */
function loadOrders(all: Record<string, unknown>, bad: string[]): { orders: StoredOrders; asStored: OrdersAsStored } {
  const legacy = all[LEGACY_AREA_KEY];
  const meta = all[`${LEGACY_AREA_KEY}$`];
  const version = isRecord(meta) ? meta.v : undefined;
  const stale: LocalKey[] = legacy === undefined ? [] : [LEGACY_ORDERS_KEY];
  const orders: StoredOrders = {};
  const loaded = new Map<string, Order>();
  const keep = (order: Order, storedAt?: string) => {
    const key = orderKey(order);
    if (storedAt !== undefined && storedAt !== key) stale.push(orderStorageKey(storedAt));
    const previous = orders[key];
    if (previous && order.readAt < previous.readAt) return;
    orders[key] = order;
    if (storedAt === key) loaded.set(key, order);
    else loaded.delete(key);
  };
  const perKey = Object.entries(all).flatMap(([areaKey, value]) => {
    const storedAt = orderKeyOfStorageKey(areaKey);
    return storedAt === undefined ? [] : [[storedAt, value] as const];
  });
  // A version other than those (a newer extension's data after a downgrade, garbage): the orders
  // are still read one by one; the odd version is reported and replaced on the next write.
  if (!READABLE_VERSIONS.includes(version) && (legacy !== undefined || perKey.length)) bad.push(`orders:version ${String(version).slice(0, 20)}`);
  const parse = parseWith(OrderSchema);
  for (const order of Object.values(validEntries(migrateOrdersV1toV2(legacy), 'orders', parse, bad))) keep(order);
  for (const [storedAt, value] of perKey) {
    const order = parse(storedAt, fromJson(value));
    if (order) keep(order, storedAt);
    else (bad.push(`orders:${storedAt}`), stale.push(orderStorageKey(storedAt)));
  }
  return { orders, asStored: { loaded, stale, outdated: version !== ORDERS_VERSION } };
}

/** Settings field by field: a bad field falls back to its default, the others are kept. */
export function loadSettings(raw: unknown, bad: string[]): ExtensionSettings {
  if (raw === null || raw === undefined) return DEFAULT_SETTINGS;
  const whole = ExtensionSettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  if (!isRecord(raw)) {
    bad.push('settings');
    return DEFAULT_SETTINGS;
  }
  const kept: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(ExtensionSettingsSchema.shape)) {
    if (field in raw && (schema as z.ZodType).safeParse(raw[field]).success) kept[field] = raw[field];
    else if (field in raw) bad.push(`settings:${field}`);
  }
  return ExtensionSettingsSchema.parse(kept);
}

const NotifiedAtSchema = z.number().finite();

export interface Loaded {
  state: WorkerState;
  /** Stored values that had the wrong shape and were dropped (empty when all was well). */
  corrupted: string[];
  asStored: OrdersAsStored;
}

/**
 * What storage holds, as this worker last read or wrote it. The worker alone writes what it loads,
 * but for the settings, whose page tells it when it saved them (`forgetLoaded`). So while the worker
 * lives, an event does not make the browser read and send it every stored order again, nor the
 * worker check them all: in a change of 50 rows of a 1,000-order list, that was most of the
 * browser's and the worker's work. A worker started anew (it is killed when idle) reads storage.
 */
let lastKnown: Loaded | undefined;

/** Storage was written by another page (the settings): the next event reads it again. */
export function forgetLoaded(): void {
  lastKnown = undefined;
}

const writtenAs = (orders: StoredOrders): OrdersAsStored => ({ loaded: new Map(Object.entries(orders)), stale: [], outdated: false });

/** The state as stored: kept from the last event, or one read of everything (one call to the browser). */
export async function loadState(): Promise<Loaded> {
  // A copy whose parts the event replaces (they are never changed in place).
  if (lastKnown) return { ...lastKnown, state: { ...lastKnown.state } };
  const all = await storage.snapshot('local');
  const valueOf = (item: { key: string }) => all[inArea(item.key)];
  const bad: string[] = [];
  const { orders, asStored } = loadOrders(all, bad);
  const healthEntries = validEntries(valueOf(VALUE_ITEMS.health), 'readHealth', (key, v) => {
    if (!PlatformSchema.safeParse(key).success) return undefined;
    return parseWith(ReadHealthSchema)(key, v);
  }, bad);
  const problems = valueOf(VALUE_ITEMS.problems) ?? {};
  const state: WorkerState = {
    orders,
    health: healthEntries,
    notified: validEntries(valueOf(VALUE_ITEMS.notified), 'notified', parseWith(NotifiedAtSchema), bad),
    marks: validEntries(valueOf(VALUE_ITEMS.marks), 'marks', parseWith(MarksSchema.valueType), bad),
    settings: loadSettings(valueOf(VALUE_ITEMS.settings), bad),
    problems: ProblemsSchema.safeParse(problems).data ?? (bad.push('problems'), {}),
  };
  return { state, corrupted: bad, asStored };
}

export type Part = Exclude<keyof WorkerState, 'settings'>;

/** Write order: the sent-notification set last, so it is never saved for orders that were not. */
const WRITE_ORDER: readonly Part[] = ['orders', 'health', 'marks', 'notified'];

/**
 * The orders that differ from storage, then the keys to remove, then the version: a failed write
 * leaves what was stored readable (a v1/v2 value goes only once its orders are written per key).
 */
async function writeOrders(orders: StoredOrders, asStored: OrdersAsStored): Promise<void> {
  const changed = Object.entries(orders).flatMap(([key, order]) => (asStored.loaded.get(key) === order ? [] : [{ key: orderStorageKey(key), value: JSON.stringify(order) }]));
  if (changed.length) await storage.setItems(changed);
  // A stale key can be one just written: an order misfiled there, its rightful one from a v1/v2 value.
  const written = new Set(changed.map((c) => c.key));
  const letGo = [...asStored.loaded.keys()].filter((key) => !(key in orders)).map(orderStorageKey);
  const gone = [...asStored.stale, ...letGo].filter((key) => !written.has(key));
  if (gone.length) await storage.removeItems(gone);
  if (asStored.outdated) await storage.setMeta(LEGACY_ORDERS_KEY, { v: ORDERS_VERSION });
}

/**
 * Writes the changed parts, one after another, stopping at the first failure. A failed write
 * (quota full, storage unavailable) is recorded as a problem the popup shows and rethrown so the
 * caller answers with it. The problem clears when orders are written again.
 * Returns the problems as now stored.
 */
export async function saveState(state: WorkerState, parts: ReadonlySet<Part>, now: number, asStored: OrdersAsStored): Promise<Problems> {
  // Until every write is done, what storage holds is not known (one may stop half-way): a failure
  // anywhere below leaves the next event to read it.
  forgetLoaded();
  try {
    for (const part of WRITE_ORDER) {
      if (!parts.has(part)) continue;
      if (part === 'orders') await writeOrders(state.orders, asStored);
      else await (VALUE_ITEMS[part] as { setValue(v: unknown): Promise<void> }).setValue(state[part]);
    }
  } catch (error) {
    const problems: Problems = { ...state.problems, storage: { at: now, message: describeError(error) } };
    await problemsItem.setValue(problems).catch(() => undefined); // the reply still carries it
    throw new StorageWriteError(problems);
  }
  const cleared = parts.has('orders') && state.problems.storage !== undefined;
  const problems: Problems = cleared ? { ...state.problems, storage: undefined } : state.problems;
  if (cleared || parts.has('problems')) await problemsItem.setValue(problems);
  lastKnown = { state: { ...state, problems }, corrupted: [], asStored: parts.has('orders') ? writtenAs(state.orders) : asStored };
  return problems;
}

/** Forgets every order, reading, mark, sent notification and problem; the settings stay. */
export async function removeAllButSettings(): Promise<void> {
  const all = await storage.snapshot('local', { excludeKeys: [inArea(VALUE_ITEMS.settings.key)] });
  await storage.removeItems(Object.keys(all).map((key) => `local:${key}` as const));
  forgetLoaded();
}

export class StorageWriteError extends Error {
  constructor(readonly problems: Problems) {
    super(problems.storage?.message ?? 'storage write failed');
  }
}

export function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/** The problem entry for stored values that had the wrong shape and were dropped. */
export function corruptionProblem(corrupted: string[], now: number): Problems['corrupted'] {
  return { at: now, count: corrupted.length, items: corrupted.slice(0, 20).map((s) => s.slice(0, 200)) };
}
