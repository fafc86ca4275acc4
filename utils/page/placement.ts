import { BADGE_TAG, createBadgeHost, isOwnBadge, removeBadge } from '@/components/badge/badge';
import type { RowCandidate } from './adapter';

/**
 * One badge per order row, keyed by order id: placed right after the element printing the order
 * id, reused while the row shows the same order, re-keyed when a virtualized list recycles the
 * row for another order, and swept when its row is gone. Never two in one row.
 */

const KEY = 'data-shouyue-key';

export function placeBadge(row: RowCandidate, key: string, rowUnchanged = false): HTMLElement {
  const next = row.idElement.nextElementSibling;
  let host = next && isOwnBadge(next) ? (next as HTMLElement) : undefined;
  // A row the page has not touched since its badge went in has no other badge to sweep.
  if (host && rowUnchanged && host.getAttribute(KEY) === key) return host;
  for (const other of row.anchor.querySelectorAll(BADGE_TAG)) if (other !== host) removeBadge(other);
  if (!host) {
    host = createBadgeHost(row.idElement.ownerDocument);
    row.idElement.after(host);
  }
  if (host.getAttribute(KEY) !== key) host.setAttribute(KEY, key);
  return host;
}

/** Removes every badge under `root` that is not in `keep` (rows that went away). */
export function sweepBadges(root: ParentNode, keep: ReadonlySet<Element>): void {
  for (const host of root.querySelectorAll(BADGE_TAG)) if (!keep.has(host)) removeBadge(host);
}
