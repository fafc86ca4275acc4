import { platformName } from '@/components/common/lang';
import { stateLabel } from '@/policies/describe';
import { PLATFORM_PAGES } from '@/policies/platforms';
import type { ClockState } from '@/policies/verdict';
import type { PlatformSummary } from '@/utils/background/schemas';
import { useLang, usePopup, useT } from './context';
import { HealthLine } from './HealthLine';
import { agoText } from './view';

/** Running clocks are counted in the list, not here: the strip is about what needs a look. */
const SHOWN_STATES: readonly ClockState[] = ['breached', 'critical', 'due-soon', 'unknown'];

function PlatformRow({ summary }: { summary: PlatformSummary }) {
  const t = useT();
  const lang = useLang();
  const now = usePopup((s) => s.now);
  const staleAfter = usePopup((s) => s.data?.staleAfterMs ?? Infinity);
  const { health, counts, platform } = summary;
  const name = platformName(platform, lang);
  const stale = health !== undefined && now - health.lastReadAt > staleAfter;
  const nothingRead = health !== undefined && health.rows === 0 && health.unreadable > 0;
  const reason = health?.reasons[0] ?? '';
  const shown = SHOWN_STATES.filter((s) => counts[s]);
  return (
    <li className={`platform-row${stale || nothingRead ? ' warn' : ''}`} data-platform={platform}>
      <div className="platform-head">
        <span className="platform-title">
          <span className="platform-name">{name}</span>
          {health && <span className="last-read">{t('strip.lastRead', { ago: agoText(health.lastReadAt, now, lang) })}</span>}
        </span>
        <span className="counts">
          {shown.map((s) => (
            <span key={s} className={`pill state-${s}`}>
              {stateLabel(s, lang)} {counts[s]}
            </span>
          ))}
          {shown.length === 0 && <span className="none">{t('strip.orders', { n: summary.orders })}</span>}
        </span>
      </div>
      {stale && health && (
        <p className="platform-warning" role="status">
          ⚠ {t('strip.stale', { ago: agoText(health.lastReadAt, now, lang) })}
        </p>
      )}
      {health?.data && <HealthLine input={{ platform, ...health, data: health.data }} now={now} lang={lang} />}
      {health && health.unreadable > 0 && (
        <p className="platform-warning" role="status">
          ⚠ {nothingRead ? t('strip.couldNotRead', { platform: name, reason }) : t('strip.unreadable', { n: health.unreadable, reason })}
        </p>
      )}
    </li>
  );
}

/** Per platform: counts by state, when it was read, and whether that reading can be trusted. */
export function PlatformStrip() {
  const t = useT();
  const lang = useLang();
  const platforms = usePopup((s) => s.data?.platforms ?? []).filter((p) => p.enabled);
  const read = platforms.filter((p) => p.health || p.orders > 0);
  const unread = platforms.filter((p) => !(p.health || p.orders > 0));
  return (
    <section className="strip" aria-label={t('strip.title')}>
      <ul>
        {read.map((p) => (
          <PlatformRow key={p.platform} summary={p} />
        ))}
      </ul>
      {unread.length > 0 && (
        <p className="unread">
          {t('strip.notRead')}{' '}
          {unread.map((p, i) => (
            <span key={p.platform}>
              {i > 0 && ' · '}
              <a href={PLATFORM_PAGES[p.platform].orderListUrl} target="_blank" rel="noreferrer">
                {platformName(p.platform, lang)}
              </a>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
