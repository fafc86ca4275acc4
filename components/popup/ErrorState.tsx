import { usePopup, useT } from './context';

export function ErrorState() {
  const t = useT();
  const error = usePopup((s) => s.error ?? '');
  const load = usePopup((s) => s.load);
  return (
    <section className="state-card error" role="alert">
      <h2>{t('error.title')}</h2>
      <p>{t('error.body', { error })}</p>
      <button className="primary" onClick={() => void load()}>
        {t('error.retry')}
      </button>
    </section>
  );
}
