import { usePopup, useT } from './context';

/** Storage failures and dropped corrupt data: shown, never swallowed. */
export function Problems() {
  const t = useT();
  const problems = usePopup((s) => s.data?.problems);
  if (!problems) return null;
  return (
    <>
      {problems.storage && (
        <p className="banner error" role="alert">
          {t('problem.storage', { message: problems.storage.message })}
        </p>
      )}
      {problems.corrupted && (
        <p className="banner warn" role="status">
          {t('problem.corrupted', { count: problems.corrupted.count })}
        </p>
      )}
    </>
  );
}
