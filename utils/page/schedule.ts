/**
 * Long work in slices: no main-thread task longer than a frame's share, so a 1,000-row list is
 * read and badged without janking the merchant's page.
 */

export const SLICE_MS = 8;

/** Gives the page a turn: the scheduler's own yield where there is one, else a macrotask. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Items between two looks at the clock: most are a few microseconds, and so is reading the clock. */
const CLOCK_EVERY = 8;

/** Maps `items` in time slices; stops (returns undefined) when `signal` aborts between slices. */
export async function mapInSlices<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  signal: AbortSignal,
  now: () => number = () => performance.now(),
): Promise<R[] | undefined> {
  const out: R[] = [];
  let sliceStart = now();
  for (let i = 0; i < items.length; i++) {
    if (i % CLOCK_EVERY === 0 && now() - sliceStart >= SLICE_MS) {
      await yieldToPage();
      if (signal.aborted) return undefined;
      sliceStart = now();
    }
    out.push(fn(items[i]!, i));
  }
  return signal.aborted ? undefined : out;
}
