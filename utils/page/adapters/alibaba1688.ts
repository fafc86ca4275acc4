import { ORDER_ID_LABELS } from '../vocab';
import { labelValue } from '../text';
import { readOrderRow, RowError } from '../read-order';
import { rowsByLabel } from '../rows';
import { countQuantities, requireOrderId, rowText, type PageAdapter } from '../adapter';

/**
 * 1688 seller order list (trade.1688.com/order/seller_order_list.htm): server-rendered, one `li`
 * per order whose header prints the order time with no label, then `订单号：<id>` (and keeps the id in
 * a hidden `input.tradeId`, checked against it). 1688 prints no
 * ship-by instant; the engine computes that clock from its rules.
 */

const LABELS = ORDER_ID_LABELS.slice(1, 2);

export const alibaba1688Adapter: PageAdapter = {
  platform: 'alibaba1688',
  pageKind(url) {
    if (url.hostname !== 'trade.1688.com') return null;
    return /^\/order\/seller_order_list\.htm$/.test(url.pathname) ? 'order-list' : null;
  },
  findRows(root) {
    return rowsByLabel(root, LABELS, 'li').map(({ anchor, idElement }) => ({ anchor, parts: [anchor], idElement }));
  },
  read(row, ctx) {
    const text = rowText(row, 0, { unlabeledPlacedAt: true });
    text.itemCount = countQuantities(text.texts);
    const orderId = requireOrderId(labelValue(text.texts, LABELS), LABELS[0]!);
    // The row carries its id twice, printed and in the form's hidden tradeId: rows that disagree
    // with themselves are not trusted with a countdown.
    const hidden = row.anchor.querySelector('input.tradeId')?.getAttribute('value')?.trim();
    if (hidden && hidden !== orderId) throw new RowError({ code: 'id-mismatch', field: LABELS[0], text: `${orderId} / ${hidden}`.slice(0, 80) });
    return readOrderRow(orderId, text, ctx.now);
  },
};
