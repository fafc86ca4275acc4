import { ORDER_ID_LABELS } from '../vocab';
import { labelValue } from '../text';
import { readOrderRow } from '../read-order';
import { columnIndex, itemCells, rowGroup, rowsByLabel, TableRow, withStructuralRows } from '../rows';
import { requireOrderId, rowText, type PageAdapter, type RowCandidate } from '../adapter';

/**
 * 拼多多 (mms.pinduoduo.com). PAGES.md: the "Beast" kit's `[data-testid="beast-core-table"]`; each
 * order is a header `tr` (`订单编号：260329-…`) followed by one row per item. The column header can
 * sit in its own table (Beast's fixed header), so columns are named from the whole Beast table.
 */

const COLUMNS = { status: ['订单状态'], amount: ['实收金额', '订单金额', '实付金额'], buyer: ['收货人', '买家', '收货信息'] } as const;
const LABELS = ORDER_ID_LABELS.slice(0, 1);

function headerCells(row: Element): Element[] {
  const table = row.closest('[data-testid="beast-core-table"]') ?? row.closest('table');
  return table ? [...table.querySelectorAll('thead th')] : [];
}

export const pinduoduoAdapter: PageAdapter = {
  platform: 'pinduoduo',
  pageKind(url) {
    if (url.hostname !== 'mms.pinduoduo.com') return null;
    if (/^\/orders\/list\/?$/.test(url.pathname)) return 'order-list';
    if (/^\/aftersales\/aftersale_list\/?$/.test(url.pathname)) return 'after-sales';
    return null;
  },
  findRows(root) {
    const labelled = rowsByLabel(root, LABELS, 'tr');
    // By structure as well as by label: a header row has fewer cells than the columns (one spans
    // them) and item rows follow it (a lone spanning row is the empty-list notice).
    const columns = labelled[0] ? headerCells(labelled[0].anchor).length : 0;
    const short = (tr: Element | null) => !!tr && tr.children.length < columns;
    const spanning = [...root.querySelectorAll('tbody > tr')].filter((tr) => short(tr) && tr.nextElementSibling && !short(tr.nextElementSibling));
    const found = withStructuralRows(labelled, spanning);
    const headers = new Set(found.map((f) => f.anchor));
    const col = found[0] ? columnIndex(headerCells(found[0].anchor), COLUMNS) : {};
    const layout = JSON.stringify(col);
    return found.map(({ anchor, idElement }): RowCandidate => {
      const parts = anchor.tagName === 'TR' ? rowGroup(anchor, (el) => headers.has(el)) : [anchor];
      return new TableRow(anchor, parts, idElement, layout, () => itemCells(parts.slice(1), col));
    });
  },
  read(row, ctx) {
    const text = rowText(row, Math.max(1, row.parts.length - 1));
    const orderId = requireOrderId(labelValue(text.texts, LABELS), LABELS[0]!);
    return readOrderRow(orderId, text, ctx.now);
  },
};
