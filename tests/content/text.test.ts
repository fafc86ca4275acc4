// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstWithLabel, startsWithLabel, textsOf } from '@/utils/page/text';

describe('textsOf', () => {
  const row = () => {
    document.body.innerHTML = `<table><tbody>
      <tr id="row"><td>订单编号 <b>A123</b></td>
        <td id="buyer"><span>张三</span> 138 0000 0000</td>
        <td><script>var x = "not words";</script><style>.a{}</style>已支付&nbsp;</td>
        <td>  </td><td><shouyue-badge>copied badge</shouyue-badge>¥ 12.50</td></tr></tbody></table>`;
    return document.getElementById('row')!;
  };

  it('reads every non-empty text in document order, normalized', () => {
    document.body.innerHTML = '<div id="a">下单时间\u3000<span>2024/03/08 10:12</span></div><div id="b"> x </div>';
    expect(textsOf([document.getElementById('a')!, document.getElementById('b')!])).toEqual(['下单时间', '2024/03/08 10:12', 'x']);
  });

  it('leaves out scripts, styles, a copy of our badge and the cells it is told to skip', () => {
    const tr = row();
    expect(textsOf([tr], [document.getElementById('buyer')!])).toEqual(['订单编号', 'A123', '已支付', '¥ 12.50']);
    expect(textsOf([tr])).toContain('张三');
  });

  it('reads nothing of a part inside a skipped cell or a part that is itself not words', () => {
    const tr = row();
    const buyer = document.getElementById('buyer')!;
    expect(textsOf([buyer.firstElementChild!], [buyer])).toEqual([]);
    expect(textsOf([tr.querySelector('script')!])).toEqual([]);
  });
});

describe('firstWithLabel', () => {
  // Texts and labels from a few label-like pieces and every separator, so that prefixes, labels
  // followed by other words and labels holding separators all come up.
  const piece = fc.constantFrom('下单', '时间', '下单时间', '订单', '号', 'A1', ' ', ':', '：', '');
  const text = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));

  it('finds the first text starting with the label, as a scan with startsWithLabel does', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), fc.array(text, { minLength: 1, maxLength: 6 }), (texts, labels) => {
        for (const label of labels) expect(firstWithLabel(texts, label)).toBe(texts.findIndex((t) => startsWithLabel(t, label)));
      }),
      { numRuns: 500 },
    );
  });
});
