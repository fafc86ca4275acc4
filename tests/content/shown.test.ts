// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BadgeInput } from '@/components/badge/view';
import { shownBadges } from '@/utils/page/shown';

const HOSTS: Element[] = Array.from({ length: 5 }, () => document.createElement('shouyue-badge'));
const ORDERS = ['A', 'B', 'C'];

type Op = { op: 'set'; host: number; input: BadgeInput } | { op: 'delete'; host: number } | { op: 'clear' };

const input: fc.Arbitrary<BadgeInput> = fc.oneof(
  fc.constantFrom(...ORDERS).map((orderId): BadgeInput => ({ kind: 'waiting', orderId })),
  fc.constantFrom(...ORDERS).map((orderId): BadgeInput => ({ kind: 'verdicts', orderId, verdicts: [] })),
  fc.constant<BadgeInput>({ kind: 'unreadable', problem: { code: 'bad-time' } }),
);
const host = fc.nat({ max: HOSTS.length - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), host, input }),
  fc.record({ op: fc.constant('delete' as const), host }),
  fc.constant<Op>({ op: 'clear' }),
);

describe('shown badges', () => {
  it('finds the badges showing each order as a look at every badge would, whatever was set, moved or taken away', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.subarray(ORDERS), (ops, asked) => {
        const shown = shownBadges();
        const model = new Map<Element, BadgeInput>();
        for (const o of ops) {
          if (o.op === 'set') (shown.set(HOSTS[o.host]!, o.input), model.set(HOSTS[o.host]!, o.input));
          else if (o.op === 'delete') (shown.delete(HOSTS[o.host]!), model.delete(HOSTS[o.host]!));
          else (shown.clear(), model.clear());
        }
        const expected = [...model].filter(([, i]) => i.kind !== 'unreadable' && asked.includes(i.orderId)).map(([h]) => h);
        const byPlace = (list: Element[]) => list.map((h) => HOSTS.indexOf(h)).sort();
        expect(byPlace(shown.showing(asked))).toEqual(byPlace(expected));
        expect([...shown.hosts()]).toEqual([...model.keys()]);
        for (const h of HOSTS) expect(shown.get(h)).toBe(model.get(h));
      }),
    );
  });

  it('lists them in the order of the orders asked', () => {
    const shown = shownBadges();
    shown.set(HOSTS[0]!, { kind: 'waiting', orderId: 'B' });
    shown.set(HOSTS[1]!, { kind: 'waiting', orderId: 'A' });
    shown.set(HOSTS[2]!, { kind: 'waiting', orderId: 'B' });
    expect(shown.showing(['A', 'B'])).toEqual([HOSTS[1], HOSTS[0], HOSTS[2]]);
  });
});
