import { onlyBadgesMoved } from '@/components/badge/badge';

/**
 * What the page changed between two readings, from its mutation records: a row none of whose
 * elements was touched reads as it did last time, so a 1,000-row list re-rendering 50 rows costs
 * 50 readings. (Comparing every row's text instead costs the whole list each time.)
 */
export interface PageChanges {
  /** True when `el` or anything inside it changed since the previous `take`. */
  touched(el: Element): boolean;
}

/** Records the page's changes under `root` until `signal` aborts; `take` returns and resets them. */
export function trackChanges(root: Node, signal: AbortSignal): { take(): PageChanges } {
  let changed = new Set<Node>();
  const note = (records: readonly MutationRecord[]) => {
    for (const r of records) {
      if (onlyBadgesMoved(r)) continue;
      changed.add(r.target);
    }
  };
  const observer = new MutationObserver(note);
  // The same changes a re-read is triggered by (watch.ts).
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-row-key', 'value'] });
  signal.addEventListener('abort', () => observer.disconnect());
  return {
    take() {
      note(observer.takeRecords());
      const nodes = changed;
      changed = new Set();
      // Every element holding a changed node has changed; marking ancestors once makes each question one lookup.
      const touched = new Set<Node>();
      for (const node of nodes) {
        for (let n: Node | null = node; n && !touched.has(n); n = n.parentNode) touched.add(n);
      }
      return { touched: (el) => touched.has(el) };
    },
  };
}
