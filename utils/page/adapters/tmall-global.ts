import { ORDER_ID_LABELS } from '../vocab';
import { labelValue } from '../text';
import { readOrderRow } from '../read-order';
import { columnIndex, itemCells, rowsByLabel, TableRow } from '../rows';
import { requireOrderId, rowText, type PageAdapter, type RowCandidate } from '../adapter';

/**
 * 千牛 sold-items list (myseller.taobao.com, qn.taobao.com; the classic trade.taobao.com list).
 * Fusion `next-table`: the column header sits in its own table, and each parent order is its own
 * <table> whose first row is the order header and the rest its sub-orders.
 */

const SOLD_PATH = /^\/home\.htm\/trade-platform\/tp\/sold\/?$/;
const CLASSIC_PATH = /^\/trade\/itemlist\/list_sold_items\.htm$/;
const COLUMNS = { status: ['交易状态'], amount: ['实收款'], buyer: ['买家'] } as const;
const LABELS = ORDER_ID_LABELS.slice(1, 2);

/** The column header cells of the list a row belongs to (the nearest ancestor holding a thead). */
function headerCells(row: Element): Element[] {
  for (let a = row.parentElement; a; a = a.parentElement) {
    const th = a.querySelectorAll('thead th');
    if (th.length) return [...th];
  }
  return [];
}

export const tmallGlobalAdapter: PageAdapter = {
  platform: 'tmallGlobal',
  pageKind(url) {
    if ((url.hostname === 'myseller.taobao.com' || url.hostname === 'qn.taobao.com') && SOLD_PATH.test(url.pathname)) return 'order-list';
    if (url.hostname === 'trade.taobao.com' && CLASSIC_PATH.test(url.pathname)) return 'order-list';
    return null;
  },
  findRows(root) {
    const found = rowsByLabel(root, LABELS, 'table');
    const col = found[0] ? columnIndex(headerCells(found[0].anchor), COLUMNS) : {};
    const layout = JSON.stringify(col);
    return found.map(({ anchor, idElement }): RowCandidate => {
      const rows = anchor.tagName === 'TABLE' ? [...anchor.querySelectorAll(':scope > tbody > tr, :scope > tr')] : [];
      return new TableRow(anchor, [anchor], idElement, layout, () => {
        const cells = itemCells(rows.slice(1), col);
        // The buyer's nick in the order header is buyer data too.
        const nick = rows[0] ? [...rows[0].querySelectorAll('a')] : [];
        return { ...cells, skip: [...cells.skip, ...nick] };
      });
    });
  },
  read(row, ctx) {
    const itemRows = row.anchor.tagName === 'TABLE' ? row.anchor.querySelectorAll(':scope > tbody > tr, :scope > tr').length - 1 : 1;
    const text = rowText(row, itemRows);
    const orderId = requireOrderId(labelValue(text.texts, LABELS), LABELS[0]!);
    return readOrderRow(orderId, text, ctx.now);
  },
};
