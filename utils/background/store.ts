import { OrderSchema } from '@/policies/order';
import { ExtensionSettingsSchema, DEFAULT_SETTINGS, type ExtensionSettings } from '@/utils/settings';
import {
  ORDERS_VERSION,
  marksItem,
  notifiedItem,
  ordersItem,
  problemsItem,
  readHealthItem,
  settingsItem,
  type StoredOrders,
} from '@/utils/storage';
import { orderKey } from './keys';
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

/** Everything the worker knows, loaded from storage on every event (it keeps nothing in memory). */
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

/** Orders are re-keyed from their own fields, so a wrong key cannot hide a duplicate. */
function loadOrders(raw: unknown, bad: string[]): StoredOrders {
  const byStoredKey = validEntries(raw, 'orders', (_, v) => {
    const r = OrderSchema.safeParse(v);
    return r.success ? r.data : undefined;
  }, bad);
  const orders: StoredOrders = {};
  for (const order of Object.values(byStoredKey)) {
    const key = orderKey(order);
    const previous = orders[key];
    if (!previous || order.readAt >= previous.readAt) orders[key] = order;
  }
  return orders;
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

const parseWith =
  <T>(schema: z.ZodType<T>) =>
  (_: string, v: unknown): T | undefined => {
    const r = schema.safeParse(v);
    return r.success ? r.data : undefined;
  };

const NotifiedAtSchema = z.number().finite();

export interface Loaded {
  state: WorkerState;
  /** Stored values that had the wrong shape and were dropped (empty when all was well). */
  corrupted: string[];
}

export async function loadState(): Promise<Loaded> {
  const [orders, health, notified, marks, settings, problems] = await Promise.all([
    ordersItem.getValue(),
    readHealthItem.getValue(),
    notifiedItem.getValue(),
    marksItem.getValue(),
    settingsItem.getValue(),
    problemsItem.getValue(),
  ]);
  const bad: string[] = [];
  // A version other than ours (a newer extension's data after a downgrade, garbage): the orders
  // are still read one by one; the odd version is reported and replaced on the next write.
  const version = ((await ordersItem.getMeta()) as { v?: unknown }).v;
  if (orders != null && version !== undefined && version !== ORDERS_VERSION) bad.push(`orders:version ${String(version).slice(0, 20)}`);
  const healthEntries = validEntries(health, 'readHealth', (key, v) => {
    if (!PlatformSchema.safeParse(key).success) return undefined;
    return parseWith(ReadHealthSchema)(key, v);
  }, bad);
  const state: WorkerState = {
    orders: loadOrders(orders, bad),
    health: healthEntries,
    notified: validEntries(notified, 'notified', parseWith(NotifiedAtSchema), bad),
    marks: validEntries(marks, 'marks', parseWith(MarksSchema.valueType), bad),
    settings: loadSettings(settings, bad),
    problems: ProblemsSchema.safeParse(problems).data ?? (bad.push('problems'), {}),
  };
  return { state, corrupted: bad };
}

export type Part = Exclude<keyof WorkerState, 'settings'>;

const ITEMS = {
  orders: ordersItem,
  health: readHealthItem,
  notified: notifiedItem,
  marks: marksItem,
  problems: problemsItem,
} as const;

/** Write order: the sent-notification set last, so it is never saved for orders that were not. */
const WRITE_ORDER: readonly Part[] = ['orders', 'health', 'marks', 'notified'];

/**
 * Writes the changed parts, one after another, stopping at the first failure. A failed write
 * (quota full, storage unavailable) is recorded as a problem the popup shows and rethrown so the
 * caller answers with it. The problem clears when orders (the large value) are written again.
 * Returns the problems as now stored.
 */
export async function saveState(state: WorkerState, parts: ReadonlySet<Part>, now: number): Promise<Problems> {
  try {
    for (const part of WRITE_ORDER) {
      if (parts.has(part)) await (ITEMS[part] as { setValue(v: unknown): Promise<void> }).setValue(state[part]);
    }
    // Orders written now have this version's shape, whatever the stored version said.
    if (parts.has('orders')) await ordersItem.setMeta({ v: ORDERS_VERSION });
  } catch (error) {
    const problems: Problems = { ...state.problems, storage: { at: now, message: describeError(error) } };
    await problemsItem.setValue(problems).catch(() => undefined); // the reply still carries it
    throw new StorageWriteError(problems);
  }
  const cleared = parts.has('orders') && state.problems.storage !== undefined;
  const problems: Problems = cleared ? { ...state.problems, storage: undefined } : state.problems;
  if (cleared || parts.has('problems')) await problemsItem.setValue(problems);
  return problems;
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
