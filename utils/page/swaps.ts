/**
 * Elements the page swapped one for one (replaceWith, replaceChild, or an insertion and a removal
 * in either order: a row re-rendered), followed through a run of mutation records.
 */

const noElement = (nodes: NodeList) => {
  for (const n of nodes) if (n.nodeType === 1) return false;
  return true;
};

/** A change of text only: a Text node's data, or text nodes added or removed. */
export const textOnly = (r: MutationRecord) => r.type === 'characterData' || (r.type === 'childList' && noElement(r.addedNodes) && noElement(r.removedNodes));

/** The one element a record took out, and the one it put in (either may be missing). */
function swapPart(r: MutationRecord): { out?: Element; into?: Element } | undefined {
  if (r.type !== 'childList' || r.removedNodes.length > 1 || r.addedNodes.length > 1) return undefined;
  const out = r.removedNodes[0];
  const into = r.addedNodes[0];
  if ((out && out.nodeType !== 1) || (into && into.nodeType !== 1)) return undefined;
  return { out: out as Element | undefined, into: into as Element | undefined };
}

/**
 * A removal and an insertion, in either order, that together put one element in another's place
 * (`insertBefore(new, old)` then `removeChild(old)`, or a removal then an insertion between the
 * same neighbours): the new element sits between the removed one's neighbours.
 */
function halvesOfSwap(first: MutationRecord, second: MutationRecord): [Element, Element] | undefined {
  if (first.target !== second.target) return undefined;
  const [removal, insertion] = first.removedNodes.length ? [first, second] : [second, first];
  const out = removal.removedNodes[0] as Element | undefined;
  const into = insertion.addedNodes[0] as Element | undefined;
  if (!out || !into || removal.addedNodes.length || insertion.removedNodes.length) return undefined;
  const { previousSibling: before, nextSibling: after } = removal;
  const inPlace = (before === into || into.previousSibling === before) && (after === into || into.nextSibling === after);
  return inPlace ? [out, into] : undefined;
}

export interface Swaps {
  /** Each swapped-out element → the one in its place; undefined when elements changed any other way. */
  swaps: ReadonlyMap<Element, Element> | undefined;
  swappedIn: ReadonlySet<Element>;
}

/** Follows swaps through the records `note` is given (those that are not `textOnly`) until `take`. */
export function followSwaps(): { note(r: MutationRecord): void; take(): Swaps } {
  let swaps: Map<Element, Element> | undefined = new Map();
  let swappedIn = new Set<Element>();
  /** Half of a swap done in two steps, waiting for its other half. */
  let half: MutationRecord | undefined;
  const swapped = (out: Element, into: Element) => {
    // A swap of a swapped-in element, of one already swapped out, or putting one swapped out back in
    // (an element moved) is more than a swap.
    if (!swaps || swaps.has(out) || swappedIn.has(out) || swaps.has(into)) swaps = undefined;
    else {
      swaps.set(out, into);
      swappedIn.add(into);
    }
  };
  return {
    note(r) {
      const part = swaps && swapPart(r);
      if (part?.out && part.into) swapped(part.out, part.into);
      else if (part && !half) half = r;
      else {
        const pair = part && half && halvesOfSwap(half, r);
        half = undefined;
        if (pair) swapped(...pair);
        else swaps = undefined;
      }
    },
    take() {
      // A removal or insertion without its other half is no swap.
      const taken = { swaps: half ? undefined : swaps, swappedIn };
      half = undefined;
      swaps = new Map();
      swappedIn = new Set();
      return taken;
    },
  };
}
