import type { ExtensionSession } from './chromium';

/**
 * Chrome drops a notification from `notifications.getAll` once its toast times out (≈25 s
 * headless), so a test that reads it once may miss it or miss a repeat. This polls `getAll` in the
 * service worker and logs every appearance of an id: a notification shown twice appears twice.
 */
export class NotificationWatch {
  readonly appearances: { id: string; at: number }[] = [];
  private present = new Set<string>();
  private paused = false;
  private stopped = false;
  private inFlight: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly session: ExtensionSession, private readonly intervalMs = 250) {}

  start(): this {
    const tick = () => {
      if (this.stopped) return;
      if (!this.paused) this.inFlight = this.poll();
      void this.inFlight.then(() => (this.timer = setTimeout(tick, this.intervalMs)));
    };
    tick();
    return this;
  }

  private async poll(): Promise<void> {
    const worker = await this.session.worker();
    const ids = Object.keys(await worker.evaluate(() => chrome.notifications.getAll()));
    for (const id of ids) if (!this.present.has(id)) this.appearances.push({ id, at: Date.now() });
    this.present = new Set(ids);
  }

  /** Waits for the poll in flight: a stopped worker would leave an evaluation hanging. */
  async pause(): Promise<void> {
    this.paused = true;
    await this.inFlight;
  }

  async resume(): Promise<void> {
    this.paused = false;
    this.inFlight = this.poll();
    await this.inFlight;
  }

  /** Dismisses every shown notification, so that showing one again counts as a new appearance. */
  async clear(): Promise<void> {
    await this.inFlight;
    const worker = await this.session.worker();
    await worker.evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    });
    this.present.clear();
  }

  /** How many times `id` was shown so far (after one more poll). */
  async timesShown(id: string): Promise<number> {
    await this.inFlight;
    await this.poll();
    return this.appearances.filter((a) => a.id === id).length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
  }
}
