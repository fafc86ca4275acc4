import type { BadgeInput } from '@/components/badge/view';

/**
 * The badges a page session shows, each with what it shows, and the badges showing each order: an
 * answer for 50 orders redraws their badges without a look at the other 950.
 */
export interface ShownBadges {
  get(host: Element): BadgeInput | undefined;
  has(host: Element): boolean;
  set(host: Element, input: BadgeInput): void;
  delete(host: Element): void;
  clear(): void;
  hosts(): IterableIterator<Element>;
  /** The badges showing one of `ids` (its verdicts, or waiting for them), in the order of `ids`. */
  showing(ids: Iterable<string>): Element[];
}

const orderOf = (input: BadgeInput | undefined) => (input && input.kind !== 'unreadable' ? input.orderId : undefined);

export function shownBadges(): ShownBadges {
  const inputs = new Map<Element, BadgeInput>();
  /** Almost every order has one badge: a list only where it has more. */
  const byOrder = new Map<string, Element | Element[]>();

  const link = (id: string, host: Element) => {
    const at = byOrder.get(id);
    if (!at) byOrder.set(id, host);
    else if (Array.isArray(at)) at.push(host);
    else byOrder.set(id, [at, host]);
  };
  const unlink = (id: string, host: Element) => {
    const at = byOrder.get(id);
    if (at === host) byOrder.delete(id);
    else if (Array.isArray(at)) {
      const rest = at.filter((h) => h !== host);
      if (rest.length === 1) byOrder.set(id, rest[0]!);
      else byOrder.set(id, rest);
    }
  };

  return {
    get: (host) => inputs.get(host),
    has: (host) => inputs.has(host),
    set(host, input) {
      const was = orderOf(inputs.get(host));
      const now = orderOf(input);
      inputs.set(host, input);
      if (was === now) return;
      if (was !== undefined) unlink(was, host);
      if (now !== undefined) link(now, host);
    },
    delete(host) {
      const was = orderOf(inputs.get(host));
      if (was !== undefined) unlink(was, host);
      inputs.delete(host);
    },
    clear() {
      inputs.clear();
      byOrder.clear();
    },
    hosts: () => inputs.keys(),
    showing(ids) {
      const out: Element[] = [];
      for (const id of ids) {
        const at = byOrder.get(id);
        if (Array.isArray(at)) out.push(...at);
        else if (at) out.push(at);
      }
      return out;
    },
  };
}
