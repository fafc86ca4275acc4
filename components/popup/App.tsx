import { useEffect } from 'react';
import { commonMessages } from '@/components/common/messages';
import { translator } from '@/utils/i18n';
import { browser } from 'wxt/browser';
import { isHidden } from '@/utils/background/marks';
import { PopupStoreProvider, useLang, usePopup, useT } from './context';
import { ErrorState } from './ErrorState';
import { FirstRun } from './FirstRun';
import { Filters } from './Filters';
import { OrderList } from './OrderList';
import { PlatformStrip } from './PlatformStrip';
import { Problems } from './Problems';
import type { PopupStoreHook } from './store';
import type { PopupStateReply } from '@/utils/messages';

/** How often the popup asks the background again while open (clocks change state). */
const REFRESH_MS = 30_000;

/** Has any platform ever been read? If not, the popup is a first-run guide, not a calm summary. */
function everRead(data: PopupStateReply): boolean {
  return data.platforms.some((p) => p.health || p.orders > 0);
}

function Header() {
  const t = useT();
  const lang = useLang();
  const c = translator(commonMessages, lang);
  const data = usePopup((s) => s.data);
  const items = data && everRead(data) ? data.items : undefined;
  const now = usePopup((s) => s.now);
  const visible = items?.filter((i) => !isHidden(i, i.mark, now)) ?? [];
  const urgent = visible.filter((i) => i.state === 'critical' || i.state === 'breached').length;
  const soon = visible.filter((i) => i.state === 'due-soon').length;
  const summary = urgent > 0 ? t('summary.urgent', { n: urgent }) : soon > 0 ? t('summary.soon', { n: soon }) : t('summary.calm');
  return (
    <header className="header">
      <img className="logo" src="/icon/48.png" alt="" />
      <div className="brand">
        <h1>{c('appName')}</h1>
        <p>{t('subtitle')}</p>
      </div>
      {items && <span className={`summary ${urgent ? 'urgent' : soon ? 'soon' : 'calm'}`}>{summary}</span>}
      <button className="icon-button" title={t('settings')} aria-label={t('settings')} onClick={() => void browser.runtime.openOptionsPage()}>
        ⚙
      </button>
    </header>
  );
}

function Body() {
  const status = usePopup((s) => s.status);
  const data = usePopup((s) => s.data);
  const notice = usePopup((s) => s.notice);
  const t = useT();
  if (status === 'loading') return <p className="loading">{t('loading')}</p>;
  if (status === 'error' || !data) return <ErrorState />;
  return (
    <>
      <Problems />
      {everRead(data) ? (
        <>
          <PlatformStrip />
          <Filters />
          <OrderList />
        </>
      ) : (
        <FirstRun />
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </>
  );
}

export function PopupApp({ store }: { store: PopupStoreHook }) {
  useEffect(() => {
    const { load, tick } = store.getState();
    void load();
    const ticker = setInterval(() => tick(Date.now()), 1000);
    const reload = setInterval(() => void store.getState().load(), REFRESH_MS);
    return () => {
      clearInterval(ticker);
      clearInterval(reload);
    };
  }, [store]);
  return (
    <PopupStoreProvider store={store}>
      <Shell />
    </PopupStoreProvider>
  );
}

function Shell() {
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translator(commonMessages, lang)('appName');
  }, [lang]);
  return (
    <div className="popup">
      <Header />
      <main>
        <Body />
      </main>
    </div>
  );
}
