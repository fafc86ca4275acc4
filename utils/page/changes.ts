import { onlyBadgesMoved } from '@/components/badge/badge';

/**
 * What the page changed between two readings, from its mutation records: a row none of whose
 * elements was touched reads as it did last time, so a 1,000-row list re-rendering 50 rows costs
 * 50 readings. (Comparing every row's text instead costs the whole list each time.)
 */
export interface PageChanges {
  /** True when `el` or anything inside it changed since the previous `take`. */
  touched(el: Element): boolean;
  /**
   * True when every change was a text change inside the elements `isPart` names: no element added,
   * removed or re-attributed anywhere. Then the rows they make up, their cells and labels aside
   * (the label index tells those), are the rows a fresh search of the page would find.
   */
  onlyTextWithin(isPart: (node: Node) => boolean): boolean;
}

const noElement = (nodes: NodeList) => {
  for (const n of nodes) if (n.nodeType === 1) return false;
  return true;
};

/** A change of text only: a Text node's data, or text nodes added or removed. */
const textOnly = (r: MutationRecord) => r.type === 'characterData' || (r.type === 'childList' && noElement(r.addedNodes) && noElement(r.removedNodes));

/** Records the page's changes under `root` until `signal` aborts; `take` returns and resets them. */
export function trackChanges(root: Node, signal: AbortSignal): { take(): PageChanges } {
  let changed = new Set<Node>();
  /** The elements whose own text changed; undefined once an element itself changed. */
  let texts: Set<Node> | undefined = new Set();
  const note = (records: readonly MutationRecord[]) => {
    for (const r of records) {
      if (onlyBadgesMoved(r)) continue;
      changed.add(r.target);
      if (!textOnly(r)) texts = undefined;
      else texts?.add(r.type === 'characterData' ? (r.target.parentNode ?? r.target) : r.target);
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
      const textParents = texts;
      changed = new Set();
      texts = new Set();
      // Every element holding a changed node has changed; marking ancestors once makes each question one lookup.
      const touched = new Set<Node>();
      for (const node of nodes) {
        for (let n: Node | null = node; n && !touched.has(n); n = n.parentNode) touched.add(n);
      }
      return {
        touched: (el) => touched.has(el),
        onlyTextWithin(isPart) {
          if (!textParents) return false;
          const inside = new Set<Node>();
          for (const start of textParents) {
            const path: Node[] = [];
            let n: Node | null = start;
            while (n && !inside.has(n) && !isPart(n)) {
              path.push(n);
              n = n.parentNode;
            }
            if (!n) return false;
            for (const p of path) inside.add(p);
          }
          return true;
        },
      };
    },
  };
}
