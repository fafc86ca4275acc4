import { useEffect } from 'react';
import { CatalogBrowser } from './CatalogBrowser';
import { OptionsStoreProvider, useLang, useOptions, useT } from './context';
import {
  DataSection,
  LanguageSection,
  NotificationsSection,
  PlatformsSection,
  PromisesSection,
  RuleSettingsSection,
  ThresholdsSection,
} from './sections';
import type { OptionsStoreHook } from './store';

function NoticeLine() {
  const t = useT();
  const notice = useOptions((s) => s.notice);
  if (!notice) return null;
  return (
    <p className={`save-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {t(notice.key, { error: notice.error ?? '' })}
    </p>
  );
}

function Page() {
  const t = useT();
  const lang = useLang();
  const status = useOptions((s) => s.status);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
  }, [lang, t]);
  return (
    <div className="options">
      <header className="options-header">
        <img src="/icon/48.png" alt="" />
        <div>
          <h1>{t('title')}</h1>
          <p>{t('subtitle')}</p>
        </div>
        <NoticeLine />
      </header>
      {status === 'loading' ? (
        <p>{t('loading')}</p>
      ) : (
        <main className="options-main">
          <LanguageSection />
          <PlatformsSection />
          <ThresholdsSection />
          <PromisesSection />
          <RuleSettingsSection />
          <NotificationsSection />
          <DataSection />
          <CatalogBrowser />
        </main>
      )}
    </div>
  );
}

export function OptionsApp({ store }: { store: OptionsStoreHook }) {
  useEffect(() => {
    void store.getState().load();
  }, [store]);
  return (
    <OptionsStoreProvider store={store}>
      <Page />
    </OptionsStoreProvider>
  );
}
