import { platformName } from '@/components/common/lang';
import { stateLabel } from '@/policies/describe';
import { PlatformSchema } from '@/policies/platforms';
import { useLang, usePopup, useT } from './context';
import { STATE_FILTERS, type StateFilter } from './view';

export function Filters() {
  const t = useT();
  const lang = useLang();
  const platforms = usePopup((s) => s.data?.platforms ?? []).filter((p) => p.enabled && (p.orders > 0 || p.health));
  const platform = usePopup((s) => s.platform);
  const state = usePopup((s) => s.state);
  const query = usePopup((s) => s.query);
  const setFilters = usePopup((s) => s.setFilters);
  return (
    <section className="filters">
      <select
        aria-label={t('filter.platform')}
        value={platform}
        onChange={(e) => {
          const p = PlatformSchema.safeParse(e.target.value);
          setFilters({ platform: p.success ? p.data : 'all' });
        }}
      >
        <option value="all">{t('filter.allPlatforms')}</option>
        {platforms.map((p) => (
          <option key={p.platform} value={p.platform}>
            {platformName(p.platform, lang)}
          </option>
        ))}
      </select>
      <input
        type="search"
        aria-label={t('filter.search')}
        placeholder={t('filter.search')}
        value={query}
        maxLength={64}
        onChange={(e) => setFilters({ query: e.target.value })}
      />
      <div className="chips" role="radiogroup" aria-label={t('filter.state')}>
        {STATE_FILTERS.map((f: StateFilter) => (
          <button
            key={f}
            role="radio"
            aria-checked={state === f}
            className={`chip${state === f ? ' on' : ''}${f === 'action' ? '' : ` state-${f}`}`}
            onClick={() => setFilters({ state: f })}
          >
            {f === 'action' ? t('filter.action') : stateLabel(f, lang)}
          </button>
        ))}
      </div>
    </section>
  );
}
