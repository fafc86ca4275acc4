// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { alibaba1688Fixture } from '../fixtures/pages/alibaba1688';
import { NOW, adapterFor, parsePage, readAll } from './helpers';

describe('1688 order id, printed and in the hidden tradeId', () => {
  const { html } = alibaba1688Fixture({ now: NOW, rows: 4, pageSize: 100 });
  const adapter = adapterFor('alibaba1688');

  it('reads rows whose two ids agree', () => {
    const readings = readAll(adapter, parsePage(html).body);
    expect(readings.length).toBeGreaterThan(1);
    expect(readings.filter((r) => !r.ok && r.problem.code === 'id-mismatch')).toHaveLength(0);
  });

  it('does not trust a row whose hidden tradeId names another order', () => {
    const body = parsePage(html).body;
    const clean = readAll(adapter, body);
    const input = body.querySelectorAll('input.tradeId')[1]!;
    input.setAttribute('value', '999999999999999999');
    const readings = readAll(adapter, body);
    expect(readings[1]).toMatchObject({ ok: false, problem: { code: 'id-mismatch' } });
    expect(readings.filter((_, i) => i !== 1)).toEqual(clean.filter((_, i) => i !== 1));
  });
});
