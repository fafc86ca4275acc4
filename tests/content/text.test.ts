// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normText, textsOf } from '@/utils/page/text';

describe('normText', () => {
  /** The plain definition: every run of spaces (odd ones and zero-width ones too) → one ASCII space; trimmed. */
  const reference = (s: string) => s.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
  const tricky = fc.constantFrom(' ', '  ', '\u00a0', '\u3000', '\u200b', '\u200c', '\ufeff', '\t', '\n', '\u2028', 'a', '订', '1', ':', '：');

  it('gives what the plain definition gives, for any text', () => {
    fc.assert(fc.property(fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join('')), (s) => {
      expect(normText(s)).toBe(reference(s));
    }));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(normText(s)).toBe(reference(s));
    }));
  });

  it('returns a text already normal as it is', () => {
    expect(normText('承诺发货时间 2024/03/08 10:12:33')).toBe('承诺发货时间 2024/03/08 10:12:33');
    expect(normText(' 订单编号\u3000A123 ')).toBe('订单编号 A123');
  });
});

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
