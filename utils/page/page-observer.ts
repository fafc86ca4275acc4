import { onlyBadgesMoved } from '@/components/badge/badge';

/**
 * One MutationObserver per observed node for everything a page session follows the page's changes
 * with (the change tracker, the re-read trigger, the label index): each record is made, wrapped for
 * this script and sorted from our own badges' comings and goings once, not once per watcher. A
 * watcher that needs the pending records now (`flush`) hands them to every watcher.
 */

export type PageListener = (records: readonly MutationRecord[]) => void;

interface Hub {
  observer: MutationObserver;
  listeners: Set<PageListener>;
}

/** What the session's watchers follow: structure and text, and the attributes rows are keyed by. */
const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-row-key', 'value'] };
/** The hubs observing now, by the node each observes. */
const hubs = new Map<Node, Hub>();

function deliver(hub: Hub, records: readonly MutationRecord[]): void {
  const page = records.filter((r) => !onlyBadgesMoved(r));
  if (!page.length) return;
  for (const listener of hub.listeners) listener(page);
}

/** Calls `listener` with the page's changes under `target` (our badges' moves left out) until `signal` aborts. */
export function observePage(target: Node, listener: PageListener, signal: AbortSignal): { flush(): void } {
  let hub = hubs.get(target);
  if (!hub) {
    const created: Hub = { observer: new MutationObserver((records) => deliver(created, records)), listeners: new Set() };
    created.observer.observe(target, OPTIONS);
    hubs.set(target, created);
    hub = created;
  }
  const own = hub;
  own.listeners.add(listener);
  signal.addEventListener('abort', () => {
    own.listeners.delete(listener);
    if (own.listeners.size) return;
    own.observer.disconnect();
    if (hubs.get(target) === own) hubs.delete(target);
  }, { once: true });
  return { flush: () => deliver(own, own.observer.takeRecords()) };
}

/**
 * Runs `write`, which only puts our own badges on the page, unobserved: each hub hands on what the
 * page changed before it, stops, and observes again after. Watchers leave our badges' moves out
 * anyway, and a 1,000-badge commit made 1,000 records to wrap and sort out (5–6 ms in its task).
 */
export function unobserved(write: () => void): void {
  for (const hub of hubs.values()) {
    deliver(hub, hub.observer.takeRecords());
    hub.observer.disconnect();
  }
  try {
    write();
  } finally {
    for (const [target, hub] of hubs) hub.observer.observe(target, OPTIONS);
  }
}
