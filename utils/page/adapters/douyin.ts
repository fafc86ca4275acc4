import { ORDER_ID_LABELS } from '../vocab';
import { labelValue } from '../text';
import { readOrderRow } from '../read-order';
import { columnIndex, itemCells, rowGroup, rowsByLabel, TableRow, withStructuralRows } from '../rows';
import { requireOrderId, rowText, type PageAdapter, type RowCandidate } from '../adapter';
import { findAfterSaleRows, readAfterSaleRow } from './douyin-aftersale';
import { findServiceTicketRows, readServiceTicketRow } from './douyin-service';

/**
 * 抖店 (fxg.jinritemai.com). The order list is an auxo table: a header row per order (订单编号,
 * 下单时间 …, `data-row-key` = order id) followed by its sub-order rows; columns are found by the
 * table header's words. The after-sales list (售后工作台) has its own reader: douyin-aftersale.ts;
 * the platform's service tickets (服务请求), douyin-service.ts.
 */

const HOST = 'fxg.jinritemai.com';
const COLUMNS = { status: ['订单状态'], amount: ['实收款', '实付款'], buyer: ['买家', '收货信息', '买家/收货信息'] } as const;
const LABELS = ORDER_ID_LABELS.slice(0, 1);

/**
 * The 服务请求 list's address is ASSUMED (no public source shows it): a 服务请求 / 服务单 list under
 * the order, after-sales or customer-service apps, e.g. `/ffa/morder/service-request/list` or
 * `/ffa/maftersale/service/list`. Specific enough to leave the order and after-sales lists alone.
 */
const SERVICE_TICKETS = /^\/ffa\/(morder|maftersale|merchant-aftersale-workbench|mservice|mcs)\/(service|service-request|service_request|servicerequest|service-ticket)(\/list)?\/?$/;

export const douyinAdapter: PageAdapter = {
  platform: 'douyin',
  pageKind(url) {
    if (url.hostname !== HOST) return null;
    if (/^\/ffa\/morder\/order\/list\/?$/.test(url.pathname)) return 'order-list';
    if (/^\/ffa\/(maftersale|merchant-aftersale-workbench)\/aftersale\/list\/?$/.test(url.pathname)) return 'after-sales';
    if (SERVICE_TICKETS.test(url.pathname)) return 'service-tickets';
    return null;
  },
  findRows(root, kind) {
    if (kind === 'after-sales') return findAfterSaleRows(root);
    if (kind === 'service-tickets') return findServiceTicketRows(root);
    // Order header rows by structure (level-0 rows keyed by the order id) as well as by label.
    const keyed = [...root.querySelectorAll('tr[data-row-key]:not([data-row-key*="-child"])')];
    const found = withStructuralRows(rowsByLabel(root, LABELS, 'tr'), keyed);
    const headers = new Set(found.map((f) => f.anchor));
    // One column map per table body (computing it per row would scan the whole table each time).
    const columnsOf = new Map<Element | null, { col: ReturnType<typeof columnIndex<keyof typeof COLUMNS>>; layout: string }>();
    return found.map(({ anchor, idElement }): RowCandidate => {
      const parts = anchor.tagName === 'TR' ? rowGroup(anchor, (el) => headers.has(el)) : [anchor];
      let columns = columnsOf.get(anchor.parentElement);
      if (!columns) {
        const table = anchor.closest('table');
        const col = columnIndex([...(table?.querySelector(':scope > thead')?.querySelectorAll('th') ?? [])], COLUMNS);
        columns = { col, layout: JSON.stringify(col) };
        columnsOf.set(anchor.parentElement, columns);
      }
      const { col, layout } = columns;
      return new TableRow(anchor, parts, idElement, layout, () => itemCells(parts.slice(1), col));
    });
  },
  read(row, ctx) {
    if (ctx.kind === 'after-sales') return readAfterSaleRow(row, ctx);
    if (ctx.kind === 'service-tickets') return readServiceTicketRow(row, ctx);
    const text = rowText(row, row.parts.length - 1);
    const key = row.anchor.getAttribute('data-row-key');
    const printed = labelValue(text.texts, LABELS);
    const orderId = requireOrderId(printed && printed !== '--' ? printed : key && !key.includes('child') ? key : printed, LABELS[0]!);
    return readOrderRow(orderId, text, ctx.now);
  },
};
