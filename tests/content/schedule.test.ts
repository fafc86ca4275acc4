import { afterEach, describe, expect, it, vi } from 'vitest';
import { mapInSlices, SLICE_MS, taskBegan, yieldToPage } from '@/utils/page/schedule';

/**
 * Sliced loops give the page a turn once a slice has had its share, counted from the page's last
 * turn: loops run back to back in one task (reading rows, then placing badges) share one slice.
 */
describe('mapInSlices', () => {
  afterEach(() => vi.restoreAllMocks());

  function fakeClock() {
    let t = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => t);
    const turns = vi.spyOn(globalThis, 'setTimeout');
    return { advance: (ms: number) => (t += ms), turns: () => turns.mock.calls.length };
  }

  it('maps every item in order', async () => {
    const out = await mapInSlices([1, 2, 3], (x, i) => `${i}:${x * 2}`, new AbortController().signal);
    expect(out).toEqual(['0:2', '1:4', '2:6']);
  });

  it('gives the page a turn when work before the loop, in the same task, used the slice', async () => {
    const clock = fakeClock();
    await yieldToPage();
    const before = clock.turns();
    const signal = new AbortController().signal;
    await mapInSlices([1, 2, 3, 4, 5, 6, 7], () => clock.advance(1), signal);
    expect(clock.turns()).toBe(before); // 7 ms: still within the slice
    clock.advance(SLICE_MS - 6); // other work in the same task
    await mapInSlices([1, 2], () => clock.advance(1), signal);
    expect(clock.turns()).toBe(before + 1); // the next loop starts with a turn for the page
  });

  it('gives a task it did not see begin a turn at once, and one it began (taskBegan) a whole slice first', async () => {
    const clock = fakeClock();
    await yieldToPage();
    clock.advance(SLICE_MS); // a later task: the page's event, say
    const signal = new AbortController().signal;
    const before = clock.turns();
    await mapInSlices([1], () => clock.advance(1), signal);
    expect(clock.turns()).toBe(before + 1);
    clock.advance(SLICE_MS); // our own timer's task
    taskBegan();
    await mapInSlices([1, 2, 3, 4, 5, 6, 7, 8], () => clock.advance(1), signal);
    expect(clock.turns()).toBe(before + 1);
    await mapInSlices([1, 2], () => clock.advance(1), signal);
    expect(clock.turns()).toBe(before + 2); // the slice, once used, still ends in a turn
  });

  it('ends a slice after the item that used it up, however costly each item is', async () => {
    const clock = fakeClock();
    await yieldToPage();
    const signal = new AbortController().signal;
    const taskStarts: number[] = [];
    let lastTurns = clock.turns();
    await mapInSlices(Array.from({ length: 12 }, (_, i) => i), (i) => {
      if (clock.turns() !== lastTurns) taskStarts.push(i);
      lastTurns = clock.turns();
      clock.advance(3); // a row read while the script is cold
    }, signal);
    // 3 ms items in 8 ms slices: a turn after every third item (9 ms), never eight items (24 ms) in one.
    expect(taskStarts).toEqual([3, 6, 9]);
  });

  it('stops between slices once aborted', async () => {
    const clock = fakeClock();
    await yieldToPage();
    const ctl = new AbortController();
    const seen: number[] = [];
    const out = await mapInSlices(Array.from({ length: 40 }, (_, i) => i), (i) => {
      seen.push(i);
      clock.advance(2);
      if (i === 3) ctl.abort();
    }, ctl.signal);
    expect(out).toBeUndefined();
    expect(seen.length).toBeLessThan(40);
  });
});
