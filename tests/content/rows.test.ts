// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropLabels, labelElements } from '@/utils/page/label-index';
import { rowsByLabel } from '@/utils/page/rows';

/**
 * Row per label: the largest ancestor of an order-id label holding no other label, ending at the
 * page's named row element. rowsByLabel decides "holds no other label" from the two labels beside
 * it in document order; checked here against counting every label inside each ancestor.
 */

const LABELS = ['订单编号'];

interface Tree {
  tag: 'div' | 'li' | 'span' | 'section';
  label: boolean;
  children: Tree[];
}

const treeOf = (depth: number): fc.Arbitrary<Tree> =>
  fc.record({
    tag: fc.constantFrom('div', 'li', 'span', 'section'),
    label: fc.boolean(),
    children: depth ? fc.array(treeOf(depth - 1), { maxLength: 3 }) : fc.constant([]),
  });

function build(doc: Document, nodes: Tree[]): HTMLElement {
  doc.body.replaceChildren();
  let n = 0;
  const make = (t: Tree): Element => {
    const el = doc.createElement(t.tag);
    if (t.label) el.append(`订单编号 ORDER${String(++n).padStart(4, '0')}`);
    el.append(...t.children.map(make));
    return el;
  };
  doc.body.append(...nodes.map(make));
  return doc.body;
}

/** The definition, counted the slow way: every label inside each ancestor. */
function reference(root: HTMLElement, rowSelector?: string): Map<Element, Element> {
  const found = labelElements(root, LABELS);
  const held = (el: Element) => found.filter((f) => el.contains(f)).length;
  const rows = new Map<Element, Element>();
  for (const idElement of found) {
    let anchor = idElement;
    while (!(rowSelector && anchor.matches(rowSelector))) {
      const parent = anchor.parentElement;
      if (!parent || parent === root || held(parent) !== 1) break;
      anchor = parent;
    }
    if (!rows.has(anchor)) rows.set(anchor, idElement);
  }
  return rows;
}

const labelled = (root: HTMLElement, rowSelector?: string) => {
  const found = new Set(labelElements(root, LABELS));
  return new Map(rowsByLabel(root, LABELS, rowSelector).filter((r) => found.has(r.idElement)).map((r) => [r.anchor, r.idElement]));
};

describe('rowsByLabel', () => {
  it('finds for every label the row counting every label inside each ancestor finds', () => {
    fc.assert(
      fc.property(fc.array(treeOf(4), { minLength: 1, maxLength: 4 }), fc.constantFrom(undefined, 'li', 'section'), (nodes, rowSelector) => {
        const body = build(document, nodes);
        dropLabels(body);
        expect(labelled(body, rowSelector)).toEqual(reference(body, rowSelector));
      }),
      { numRuns: 300 },
    );
  });

  it('ends at the named row element, or below it when that row holds two labels', () => {
    document.body.innerHTML = `<ul>
      <li id="one"><div><span id="a">订单编号 A0001</span></div><p>下单时间 …</p></li>
      <li id="two"><div id="b-box"><span id="b">订单编号 B0002</span></div><div id="c-box"><span id="c">订单编号 C0003</span></div></li>
    </ul>`;
    dropLabels(document.body);
    const rows = [...labelled(document.body, 'li')].map(([anchor, idElement]) => `${anchor.id}←${idElement.id}`);
    expect(rows).toEqual(['one←a', 'b-box←b', 'c-box←c']);
  });
});
