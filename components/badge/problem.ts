import { translator, type Lang } from '@/utils/i18n';
import type { RowProblem } from '@/utils/page/read-order';
import { badgeMessages } from './messages';

/** Why a row can't be read, in the merchant's words: the badge's label and the popup's read health. */
export function problemText(problem: RowProblem, lang: Lang): string {
  const t = translator(badgeMessages, lang);
  return t(`reason.${problem.code}`, { field: problem.field ?? '', text: problem.text ?? '' });
}
