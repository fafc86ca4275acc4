import { CATALOG } from '@/policies/catalog';
import type { Rule } from '@/policies/rule';
import type { Lang } from '@/utils/i18n';

const BY_ID = new Map<string, Rule>(CATALOG.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export function ruleTitle(id: string, lang: Lang): string | undefined {
  return BY_ID.get(id)?.title[lang];
}
