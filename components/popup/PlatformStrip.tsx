import { platformName } from '@/components/common/lang';
import { stateLabel } from '@/policies/describe';
import { PLATFORM_PAGES } from '@/policies/platforms';
import type { ClockState } from '@/policies/verdict';
import type { PlatformSummary } from '@/utils/background/schemas';
import { useLang, usePopup, useT } from './context';
import { HealthLine } from './HealthLine';
import type { DataHealth } from '@/utils/page-data/health';
import { agoText } from './view';

/** Running clocks are counted in the list, not here: the strip is about what needs a look. */
const SHOWN_STATES: readonly ClockState[] = ['breached', 'critical', 'due-soon', 'unknown'];

/** Something went wrong with the page's data (a DOM-only reading is normal, not a warning). */
function needsLook(data: DataHealth): boolean {
  // Never having seen the page's data is news too: the platform may have changed its page.
  return data.jsonSeenAt === undefined || !!(data.lastNotData || data.lastParseFailure || data.lastDisagreement);
}

/** A platform whose reading needs a look gets a whole row; the others share rows two by two. */
function hasWarning(summary: PlatformSummary, now: number, staleAfter: number): boolean {
  const { health } = summary;
  return health !== undefined && (now - health.lastReadAt > staleAfter || health.unreadable > 0);
}

function PlatformRow({ summary, wide }: { summary: PlatformSummary; wide: boolean }) {
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
    <li className={`platform-row${hasWarning(summary, now, staleAfter) ? ' warn' : ''}${wide ? ' wide' : ''}`} data-platform={platform}>
      <div className="platform-head">
        <span className="platform-name">{name}</span>
        {health && <span className="last-read">{t('strip.lastRead', { ago: agoText(health.lastReadAt, now, lang) })}</span>}
      </div>
      <div className="counts">
        {shown.map((s) => (
          <span key={s} className={`pill state-${s}`}>
            {stateLabel(s, lang)} {counts[s]}
          </span>
        ))}
        {shown.length === 0 && <span className="none">{t('strip.orders', { n: summary.orders })}</span>}
      </div>
      {stale && health && (
        <p className="platform-warning" role="status">
          ⚠ {t('strip.stale', { ago: agoText(health.lastReadAt, now, lang) })}
        </p>
      )}
      {health?.data && (
        // Diagnostics fold away: the popup's room belongs to the orders; a ⚠ says when to look.
        <details className="diagnostics">
          <summary>
            {needsLook(health.data) && '⚠ '}
            {t('strip.diagnostics')}
          </summary>
          <HealthLine input={{ platform, ...health, data: health.data }} now={now} lang={lang} />
        </details>
      )}
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
  const now = usePopup((s) => s.now);
  const staleAfter = usePopup((s) => s.data?.staleAfterMs ?? Infinity);
  const read = platforms.filter((p) => p.health || p.orders > 0);
  const unread = platforms.filter((p) => !(p.health || p.orders > 0));
  const calm = read.filter((p) => !hasWarning(p, now, staleAfter));
  const warned = read.filter((p) => hasWarning(p, now, staleAfter));
  return (
    <section className="strip" aria-label={t('strip.title')}>
      <ul>
        {calm.map((p, i) => (
          <PlatformRow key={p.platform} summary={p} wide={i === calm.length - 1 && calm.length % 2 === 1} />
        ))}
        {warned.map((p) => (
          <PlatformRow key={p.platform} summary={p} wide />
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
