// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBadgeHost } from '@/components/badge/badge';
import { observePage, unobserved } from '@/utils/page/page-observer';

/** Every watcher of a page session hears the page's changes from one observer, our badges' moves left out. */
describe('observePage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  /** The observers' callbacks have run (they run before the next task). */
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  const targetsOf = (calls: unknown[][]) => calls.flatMap(([records]) => (records as MutationRecord[]).map((r) => r.target));

  it('hands each change to every watcher of the node, through one observer', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const life = new AbortController();
    const a = vi.fn();
    const b = vi.fn();
    observePage(document, a, life.signal);
    observePage(document, b, life.signal);
    expect(observe).toHaveBeenCalledTimes(1);
    const row = document.createElement('div');
    document.body.append(row);
    await nextTask();
    expect(targetsOf(a.mock.calls)).toEqual([document.body]);
    expect(targetsOf(b.mock.calls)).toEqual([document.body]);
    life.abort();
  });

  it('leaves out our own badges coming and going, not the page copying one', async () => {
    const life = new AbortController();
    const heard = vi.fn();
    observePage(document, heard, life.signal);
    const row = document.createElement('div');
    document.body.append(row);
    await nextTask();
    heard.mockClear();
    const badge = createBadgeHost(document);
    row.append(badge);
    await nextTask();
    expect(heard).not.toHaveBeenCalled();
    row.append(badge.cloneNode());
    await nextTask();
    expect(targetsOf(heard.mock.calls)).toEqual([row]);
    life.abort();
  });

  it('hands the pending changes to every watcher when one flushes, and stops when the last one leaves', async () => {
    const first = new AbortController();
    const second = new AbortController();
    const a = vi.fn();
    const b = vi.fn();
    const { flush } = observePage(document, a, first.signal);
    observePage(document, b, second.signal);
    document.body.append(document.createElement('p'));
    flush();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    first.abort();
    document.body.append(document.createElement('p'));
    await nextTask();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    second.abort();
    expect(disconnect).toHaveBeenCalledTimes(1);
    // A new watcher gets an observer of its own again.
    const c = vi.fn();
    const third = new AbortController();
    observePage(document, c, third.signal);
    document.body.append(document.createElement('p'));
    await nextTask();
    expect(c).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    third.abort();
  });

  it('makes no records of what is written unobserved (our badges going in), after handing on the page\'s changes before it', async () => {
    const life = new AbortController();
    const heard = vi.fn();
    observePage(document, heard, life.signal);
    const before = document.createElement('p');
    document.body.append(before);
    const written = document.createElement('div');
    const makeRecords = vi.fn();
    const other = new MutationObserver(makeRecords); // a page's own observer is not ours to stop
    other.observe(document, { childList: true, subtree: true });
    unobserved(() => document.body.append(written));
    expect(targetsOf(heard.mock.calls)).toEqual([document.body]); // the page's change, handed on first
    expect(heard.mock.calls[0]![0][0].addedNodes[0]).toBe(before);
    await nextTask();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(makeRecords).toHaveBeenCalledTimes(1);
    // Observed again after.
    written.append(document.createElement('span'));
    await nextTask();
    expect(targetsOf(heard.mock.calls)).toEqual([document.body, written]);
    other.disconnect();
    life.abort();
  });
});
