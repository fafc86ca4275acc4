import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from '@/utils/background/sender';
import { WAKE_ALARM } from '@/utils/background/alarm';
import { inArea, orderKeyOfStorageKey, orderStorageKey } from '@/utils/background/keys';

/** Runs the real worker against fakeBrowser; `restart` simulates the worker being killed. */

export const EXT_ID = fakeBrowser.runtime.id;
export const DOUYIN_TAB: Sender = { id: EXT_ID, url: 'https://fxg.jinritemai.com/ffa/morder/order/list', tab: { id: 7 } };
export const POPUP: Sender = { id: EXT_ID, url: `chrome-extension://${EXT_ID}/popup.html` };

type Worker = typeof import('@/utils/background/worker');
/** The worker instance booted last (each boot loads fresh modules). */
let current: Worker | undefined;

function dropListeners() {
  for (const event of [
    fakeBrowser.runtime.onMessage,
    fakeBrowser.runtime.onStartup,
    fakeBrowser.runtime.onInstalled,
    fakeBrowser.alarms.onAlarm,
    fakeBrowser.notifications.onClicked,
    fakeBrowser.storage.onChanged,
    fakeBrowser.storage.local.onChanged,
  ]) {
    (event as unknown as { removeAllListeners(): void }).removeAllListeners();
  }
}

/** Loads the worker as a fresh process would (new module instances, listeners registered). */
export async function boot(): Promise<Worker> {
  vi.resetModules();
  const worker = await import('@/utils/background/worker');
  current = worker;
  worker.startBackground();
  await worker.refresh(); // the start-up recompute (queued behind the one startBackground began)
  return worker;
}

/** Kills the worker: memory and listeners are gone, storage, alarms and notifications stay. */
export async function restart(): Promise<Worker> {
  dropListeners();
  return boot();
}

/** Delivers a runtime message as the browser would, with `sender`; undefined = no answer. */
/** Sends like a tab or extension page; resolves with the answer once the worker's queued work is stored. */
export async function send(message: unknown, sender: Sender): Promise<unknown> {
  const answer = await new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender as never, resolve).then((results: unknown[]) => {
      if (!results.includes(true)) resolve(undefined);
    });
  });
  await current?.idle();
  return answer;
}

export async function stored(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}

/** Orders by order key as the worker stores them: one storage key each, its JSON text. */
export const perOrderKey = (orders: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(orders).map(([key, value]) => [inArea(orderStorageKey(key)), JSON.stringify(value)]));

/** The stored orders (one key each, `order:platform:orderId`, as JSON text), by order key, parsed. */
export async function storedOrders(): Promise<Record<string, unknown>> {
  const all = await stored();
  return Object.fromEntries(Object.entries(all).flatMap(([areaKey, value]) => {
    const key = orderKeyOfStorageKey(areaKey);
    return key === undefined ? [] : [[key, JSON.parse(value as string) as unknown]];
  }));
}

export async function wakeAlarmAt(): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get(WAKE_ALARM))?.scheduledTime;
}

/** Fires the wake alarm as the browser would at its scheduled time (fakeBrowser never does). */
export async function fireAlarm(): Promise<number> {
  const alarm = await fakeBrowser.alarms.get(WAKE_ALARM);
  if (!alarm) throw new Error('no alarm scheduled');
  vi.setSystemTime(alarm.scheduledTime);
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  return alarm.scheduledTime;
}

/** Each test starts with an empty browser and the clock (Date only) stopped at `now`. */
export function freshBrowserAt(now: number): void {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}
