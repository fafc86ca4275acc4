/**
 * Long work in slices: no main-thread task longer than a frame's share, so a 1,000-row list is
 * read and badged without janking the merchant's page.
 */

export const SLICE_MS = 8;

/** When the page last had a turn: loops running back to back in one task share one slice. */
let resumedAt = -Infinity;

/** Gives the page a turn: the scheduler's own yield where there is one, else a macrotask. */
export async function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  await (s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0)));
  resumedAt = performance.now();
}

/**
 * Called first thing in a task one of this script's own timers began: the page has had its turns
 * before it, so the task's first slice is a whole one, not a yield.
 */
export function taskBegan(): void {
  resumedAt = performance.now();
}

/**
 * True when this slice has had its share since the page last had a turn. (A task that began some
 * other way — the page's event, a mutation callback in the page's task — counts as over: one turn
 * given too many, never one too few.)
 */
export const sliceUsed = (): boolean => sliceLeft() <= 0;

/** What is left of this slice, in ms (none or less once it is used). */
export const sliceLeft = (): number => SLICE_MS - (performance.now() - resumedAt);

/**
 * Maps `items` in time slices; stops (returns undefined) when `signal` aborts between slices. The
 * clock is read before every item (about 0.4 µs in Chromium): a row read while the script is still
 * cold can take a millisecond, and eight of them between two looks ran a slice to twice its length.
 */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, index: number) => R, signal: AbortSignal): Promise<R[] | undefined> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    if (sliceUsed()) {
      await yieldToPage();
      if (signal.aborted) return undefined;
    }
    out.push(fn(items[i]!, i));
  }
  return signal.aborted ? undefined : out;
}
