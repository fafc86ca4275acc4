import { platformName } from '@/components/common/lang';
import { PLATFORM_PAGES } from '@/policies/platforms';
import { useLang, usePopup, useT } from './context';

/** Nothing read yet: which back-office pages to open. */
export function FirstRun() {
  const t = useT();
  const lang = useLang();
  const platforms = usePopup((s) => s.data?.platforms ?? []).filter((p) => p.enabled);
  return (
    <section className="state-card first-run">
      <h2>{t('firstRun.title')}</h2>
      <p>{t('firstRun.body')}</p>
      <ul className="link-list">
        {platforms.map(({ platform }) => (
          <li key={platform}>
            <a href={PLATFORM_PAGES[platform].orderListUrl} target="_blank" rel="noreferrer">
              {t('firstRun.open', { platform: platformName(platform, lang) })}
            </a>
          </li>
        ))}
      </ul>
      <p className="muted">{t('firstRun.privacy')}</p>
    </section>
  );
}
