import { useMemo } from 'react';
import { usePopup, useT } from './context';
import { OrderItem } from './OrderItem';
import { listView } from './view';

export function OrderList() {
  const t = useT();
  const all = usePopup((s) => s.data?.items ?? []);
  const now = usePopup((s) => s.now);
  const platform = usePopup((s) => s.platform);
  const state = usePopup((s) => s.state);
  const query = usePopup((s) => s.query);
  const showHidden = usePopup((s) => s.showHidden);
  const setFilters = usePopup((s) => s.setFilters);
  const view = useMemo(
    () => listView(all, { platform, state, query, showHidden }, now),
    [all, platform, state, query, showHidden, now],
  );
  const filtered = platform !== 'all' || state !== 'action' || query !== '';
  return (
    <section className="orders">
      {view.items.length === 0 ? (
        <p className="list-empty">{filtered ? t('list.empty') : t('list.calm')}</p>
      ) : (
        <ul className="order-list">
          {view.items.map((item) => (
            <OrderItem key={item.key} item={item} now={now} />
          ))}
        </ul>
      )}
      {view.hidden > 0 && (
        <p className="hidden-line">
          {t('list.hidden', { n: view.hidden })}{' '}
          <button className="link" onClick={() => setFilters({ showHidden: !showHidden })}>
            {showHidden ? t('list.hideHidden') : t('list.showHidden')}
          </button>
        </p>
      )}
    </section>
  );
}
