import type { Rule } from '@/policies/rule';
import type { RuleLookup } from './view';

/** Rule words for the popover from a platform's catalog rules. */
export function ruleLookup(rules: readonly Rule[]): RuleLookup {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return (id, lang) => {
    const r = byId.get(id);
    if (!r) return undefined;
    const source = r.source.kind === 'seed' ? `${r.source.section}（${r.source.file}）` : r.source.where;
    return { title: r.title[lang], consequence: r.consequence[lang], source };
  };
}
