import { ORDER_ID_LABELS } from '../vocab';
import { labelValue } from '../text';
import { readOrderRow } from '../read-order';
import { rowsByLabel } from '../rows';
import { countQuantities, requireOrderId, rowText, type PageAdapter } from '../adapter';

/**
 * 快手小店 (s.kwaixiaodian.com). No public script shows the order list's markup, so this adapter
 * assumes none: an order is whatever holds exactly one `订单号` label, and its fields are read by
 * their labels.
 */

export const kuaishouAdapter: PageAdapter = {
  platform: 'kuaishou',
  pageKind(url) {
    if (url.hostname !== 's.kwaixiaodian.com') return null;
    return /^\/zone\/order\/list\/?$/.test(url.pathname) ? 'order-list' : null;
  },
  findRows(root) {
    return rowsByLabel(root, ORDER_ID_LABELS).map(({ anchor, idElement }) => ({ anchor, parts: [anchor], idElement }));
  },
  read(row, ctx) {
    const text = rowText(row, 0);
    text.itemCount = countQuantities(text.texts);
    const orderId = requireOrderId(labelValue(text.texts, ORDER_ID_LABELS), ORDER_ID_LABELS[1]);
    return readOrderRow(orderId, text, ctx.now);
  },
};
