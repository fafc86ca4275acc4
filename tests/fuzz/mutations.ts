import fc from 'fast-check';

/**
 * Damage done to one order row of a fixture page, as a fast-check arbitrary: cells removed,
 * duplicated, swapped or emptied, dates made absurd, text replaced by hostile strings.
 * `pick` chooses the element / text node / date within the row (modulo how many there are).
 */

/** Dates no calendar has, out of range, or in formats the platforms never print. */
export const ABSURD_DATES = [
  '2024-02-30 12:00:00',
  '2023-02-29 08:00',
  '2024-13-01 10:00:00',
  '2024-03-18 99:99',
  '2024-03-18 24:00:00',
  '2024-03-18 23:60:61',
  '0000-00-00 00:00:00',
  '1900-01-01 00:00:00',
  '2999-12-31 23:59:59',
  '9999-99-99 99:99:99',
  '令和6年3月18日 10:00',
  '民国113年3月18日',
  '١٤٤٥/٠٩/٠٨ ١٠:٠٠',
  '18/03/2024 10:00',
  'Mar 18, 2024 10:00 AM',
  '2024-03-18 10:00 2024-03-19 11:00',
];

export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '9'.repeat(400),
  '1e308',
  '-0',
  'NaN',
  '¥99999999999999999999.99',
  'x'.repeat(100_000),
  '\u202e2024-02-30 10:00:00',
  '订单编号\u200b<b>X</b>',
  '\u200f\u200e\u2066\u2069',
  '\ufeff',
  '__proto__',
  '剩余-1天-3小时',
  '剩余999999天',
];

/** Invisible or direction characters slipped into existing text. */
export const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202e', '\u202d', '\u200f', '\u00ad'];

export type Mutation =
  | { op: 'remove' | 'duplicate' | 'empty'; row: number; pick: number }
  | { op: 'swap'; row: number; pick: number; other: number }
  | { op: 'absurd-date'; row: number; pick: number; date: string }
  | { op: 'replace-text'; row: number; pick: number; text: string }
  | { op: 'invisible'; row: number; pick: number; at: number; char: string };

export const mutationArb = (rows: number): fc.Arbitrary<Mutation> => {
  const row = fc.nat({ max: rows - 1 });
  const pick = fc.nat({ max: 1000 });
  return fc.oneof(
    fc.record({ op: fc.constantFrom('remove', 'duplicate', 'empty'), row, pick }),
    fc.record({ op: fc.constant('swap'), row, pick, other: fc.nat({ max: 1000 }) }),
    fc.record({ op: fc.constant('absurd-date'), row, pick, date: fc.constantFrom(...ABSURD_DATES) }),
    fc.record({
      op: fc.constant('replace-text'),
      row,
      pick,
      text: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'grapheme', maxLength: 40 })),
    }),
    fc.record({ op: fc.constant('invisible'), row, pick, at: fc.nat({ max: 100 }), char: fc.constantFrom(...INVISIBLE) }),
  ) as fc.Arbitrary<Mutation>;
};

const DATE_IN_TEXT = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}/g;

/** Elements inside the row (never the row's own part elements: damage stays within the row). */
function elementsOf(parts: readonly Element[]): Element[] {
  return parts.flatMap((p) => [...p.querySelectorAll('*')]);
}

function textNodesOf(parts: readonly Element[]): Text[] {
  const out: Text[] = [];
  for (const p of parts) {
    const walker = p.ownerDocument.createTreeWalker(p, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) out.push(n as Text);
  }
  return out;
}

/**
 * Applies one mutation to the row's elements (the order-id label included); returns false when
 * there was nothing to damage.
 */
export function applyMutation(m: Mutation, parts: readonly Element[]): boolean {
  const spared = (n: Node) => parts.includes(n as Element);
  if (m.op === 'absurd-date' || m.op === 'replace-text' || m.op === 'invisible') {
    const texts = textNodesOf(parts).filter((t) => !spared(t));
    if (m.op === 'absurd-date') {
      const dated = texts.filter((t) => new RegExp(DATE_IN_TEXT.source).test(t.data));
      const node = dated[m.pick % Math.max(1, dated.length)];
      if (!node) return false;
      let i = 0;
      const target = m.pick % (node.data.match(DATE_IN_TEXT)?.length ?? 1);
      node.data = node.data.replace(DATE_IN_TEXT, (d) => (i++ === target ? m.date : d));
      return true;
    }
    const node = texts[m.pick % Math.max(1, texts.length)];
    if (!node) return false;
    if (m.op === 'replace-text') node.data = m.text;
    else {
      const at = m.at % (node.data.length + 1);
      node.data = node.data.slice(0, at) + m.char + node.data.slice(at);
    }
    return true;
  }
  const els = elementsOf(parts).filter((e) => !spared(e));
  const el = els[m.pick % Math.max(1, els.length)];
  if (!el) return false;
  switch (m.op) {
    case 'remove':
      el.remove();
      return true;
    case 'duplicate':
      el.after(el.cloneNode(true));
      return true;
    case 'empty':
      el.textContent = '';
      return true;
    case 'swap': {
      const siblings = el.parentElement ? [...el.parentElement.children].filter((e) => !spared(e)) : [];
      const other = siblings[m.other % Math.max(1, siblings.length)];
      if (!other || other === el) return false;
      const marker = el.ownerDocument.createComment('');
      other.replaceWith(marker);
      el.replaceWith(other);
      marker.replaceWith(el);
      return true;
    }
  }
}
