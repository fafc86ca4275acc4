import { platformName } from '@/components/common/lang';
import { ruleById } from '@/components/common/rules';
import { clockLabel, noteLabel, stateLabel } from '@/policies/describe';
import { formatChinaTime } from '@/policies/time';
import { isHidden } from '@/utils/background/marks';
import { openOrderPage } from '@/utils/background/open-page';
import type { PopupItem } from '@/utils/background/schemas';
import { useLang, usePopup, useT } from './context';
import { countdownText } from './view';

const yuan = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const FIELDS = new Set(['placedAt', 'paidAt', 'shipBy', 'shippedAt', 'pickupScanAt', 'firstHubAt', 'lastTrackingAt', 'receivedAt']);
type Field = 'placedAt' | 'paidAt' | 'shipBy' | 'shippedAt' | 'pickupScanAt' | 'firstHubAt' | 'lastTrackingAt' | 'receivedAt';

/** One clock of one order: what, how long, by when, what happens if missed, what to do. */
export function OrderItem({ item, now }: { item: PopupItem; now: number }) {
  const t = useT();
  const lang = useLang();
  const mark = usePopup((s) => s.mark);
  const setNotice = usePopup((s) => s.setNotice);
  const rule = ruleById(item.ruleId);
  const hidden = isHidden(item, item.mark, now);

  async function open() {
    try {
      await navigator.clipboard.writeText(item.orderId);
      setNotice(t('item.copied', { orderId: item.orderId }));
    } catch {
      // Copying is a convenience; opening the page is what matters.
    }
    await openOrderPage(item.platform);
  }

  return (
    <li className={`order state-${item.state}${hidden ? ' is-hidden' : ''}`} data-key={item.key}>
      <div className="order-top">
        <span className="platform-tag">{platformName(item.platform, lang)}</span>
        <button className="order-id link" title={t('item.open')} onClick={() => void open()}>
          {item.orderId}
        </button>
        <span className={`pill state-${item.state}`}>{stateLabel(item.state, lang)}</span>
      </div>
      <div className="order-clock">
        <span className="clock-label">{clockLabel(item.clock, lang)}</span>
        {item.timeLeftMs !== undefined ? (
          <span className="countdown" aria-live="off">
            {countdownText(item.timeLeftMs, lang)}
          </span>
        ) : (
          <span className="countdown missing">
            {t('item.noDeadline', {
              missing: (item.missing ?? []).map((f) => (FIELDS.has(f) ? t(`field.${f as Field}`) : f)).join('、'),
            })}
          </span>
        )}
      </div>
      {item.deadline !== undefined && (
        <p className="deadline">
          {t('item.deadline', { at: formatChinaTime(item.deadline, 'short') })}
          <span className="source"> · {t(`item.source.${item.deadlineSource ?? 'rule'}`)}</span>
          {item.note && <span className="source"> · {noteLabel(item.note, lang)}</span>}
        </p>
      )}
      {rule && (
        <p className="rule">
          <strong>{rule.title[lang]}</strong> — {rule.consequence[lang]}
        </p>
      )}
      <div className="order-bottom">
        <span className="amounts">
          {item.moneyAtRiskYuan !== undefined && <span className="money">{t('item.money', { amount: yuan(item.moneyAtRiskYuan) })}</span>}
          {item.amount !== undefined && <span>{t('item.orderAmount', { amount: yuan(item.amount) })}</span>}
          {item.subOrderCount > 1 && <span>{t('item.subOrders', { n: item.subOrderCount })}</span>}
        </span>
        <span className="actions">
          {item.mark && hidden ? (
            <>
              <span className="mark-note">
                {item.mark.kind === 'snooze'
                  ? t('item.snoozedUntil', { at: formatChinaTime(item.mark.until, 'time') })
                  : t('item.acked')}
              </span>
              <button onClick={() => void mark(item.key, 'clear')}>{t('item.unmark')}</button>
            </>
          ) : (
            <>
              <button onClick={() => void mark(item.key, 'snooze')}>{t('item.snooze')}</button>
              <button onClick={() => void mark(item.key, 'ack')}>{t('item.ack')}</button>
            </>
          )}
          <button className="primary" onClick={() => void open()}>
            {t('item.open')}
          </button>
        </span>
      </div>
    </li>
  );
}
