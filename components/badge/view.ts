import { badgeText, compareUrgency, deadlineText, stateLabel } from '@/policies/describe';
import { formatChinaTime } from '@/policies/time';
import type { Verdict } from '@/policies/verdict';
import { translator, type Lang } from '@/utils/i18n';
import type { RowProblem } from '@/utils/page/read-order';
import { badgeMessages } from './messages';
import { problemText } from './problem';

/**
 * What one badge says, as plain strings: the badge renders them with textContent only. Pure, so
 * the words are tested without a DOM.
 */

export type BadgeInput =
  | { kind: 'waiting'; orderId: string }
  | { kind: 'unreadable'; problem: RowProblem }
  | { kind: 'verdicts'; orderId: string; verdicts: readonly Verdict[] };

/** A rule's words for the popover (from the platform's catalog). */
export interface RuleWords {
  title: string;
  consequence: string;
  source: string;
}
export type RuleLookup = (ruleId: string, lang: Lang) => RuleWords | undefined;

export interface RuleLine {
  state: Verdict['state'];
  title: string;
  tag: string;
  lines: string[];
}

/**
 * The full sentence for screen readers, written around the face's words when `aroundText` (else
 * `before` is all of it): a countdown's next minute then rewrites the face's words only, not the
 * sentence as well — the minute tick rewrites a thousand.
 */
export interface BadgeLabel {
  before: string;
  after: string;
  aroundText: boolean;
}

/** What the badge itself shows. */
export interface BadgeHead {
  /** CSS state class: a clock state, or waiting / unreadable. */
  tone: Verdict['state'] | 'waiting' | 'unreadable';
  icon: string;
  text: string;
  label: BadgeLabel;
}

/** What its popover lists. */
export interface BadgeDetails {
  title: string;
  rules: RuleLine[];
  hint?: string;
}

/**
 * A badge's words: the face now, the popover's on demand. Most badges are never opened, and
 * writing out every rule's lines for each of a thousand rows is most of drawing them.
 */
export interface BadgeContent extends BadgeHead {
  details(): BadgeDetails;
}

const ICONS: Record<BadgeHead['tone'], string> = {
  breached: '✕',
  critical: '‼',
  'due-soon': '!',
  running: '◷',
  met: '✓',
  'met-late': '✓',
  exempt: '✓',
  'done-untimed': '✓',
  'not-applicable': '–',
  unknown: '?',
  unreadable: '?',
  waiting: '↻',
};

function ruleLine(v: Verdict, lang: Lang, rules: RuleLookup): RuleLine {
  const t = translator(badgeMessages, lang);
  const words = rules(v.ruleId, lang);
  const lines: string[] = [badgeText(v, lang)];
  // The deadline in China time, then where it came from (one line each, said once).
  if (v.deadline !== undefined) lines.push(t('deadlineAt', { at: formatChinaTime(v.deadline, 'short') }));
  if (v.deadlineSource === 'platform') lines.push(t('platformDeadline'));
  else if (v.deadlineSource === 'filing') lines.push(t('filingDeadline'));
  else if (v.deadline !== undefined) lines.push(t('estimated', { rule: words?.title ?? v.ruleId }));
  if (v.informational) lines.push(t('informational'));
  if (v.state === 'unknown' && v.missing?.length) lines.push(t('missing', { fields: v.missing.join(', ') }));
  if (v.state === 'done-untimed') lines.push(t('untimed', { fields: v.missing?.join(', ') ?? '' }));
  if (words && !v.informational) lines.push(t('consequence', { text: words.consequence }));
  if (v.moneyAtRiskYuan !== undefined) lines.push(t('money', { amount: v.moneyAtRiskYuan.toFixed(2) }));
  if (words) lines.push(t('source', { text: words.source }));
  return { state: v.state, title: words?.title ?? v.ruleId, tag: stateLabel(v.state, lang), lines };
}

/** Stands for the face's words in a sentence, which is then cut around them (order ids are [A-Za-z0-9_-]). */
const TEXT_SLOT = '\u0000';
const around = (sentence: string): BadgeLabel => {
  // Cut at the slot, not split: a split would add an array per badge drawn.
  const at = sentence.indexOf(TEXT_SLOT);
  return at < 0 ? { before: sentence, after: '', aroundText: true } : { before: sentence.slice(0, at), after: sentence.slice(at + 1), aroundText: true };
};
const alone = (sentence: string): BadgeLabel => ({ before: sentence, after: '', aroundText: false });

const lazy = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

export function badgeContent(input: BadgeInput, lang: Lang, rules: RuleLookup): BadgeContent {
  const t = translator(badgeMessages, lang);
  switch (input.kind) {
    case 'waiting': {
      const title = t('orderTitle', { id: input.orderId });
      return { tone: 'waiting', icon: ICONS.waiting, text: t('waiting'), label: alone(t('waitingLabel', { id: input.orderId })), details: () => ({ title, rules: [] }) };
    }
    case 'unreadable': {
      const reason = problemText(input.problem, lang);
      return { tone: 'unreadable', icon: ICONS.unreadable, text: t('unreadable'), label: alone(t('unreadableLabel', { reason })), details: () => ({ title: reason, rules: [], hint: t('unreadableHint') }) };
    }
    case 'verdicts': {
      const sorted = input.verdicts.filter((v) => v.state !== 'not-applicable').sort(compareUrgency);
      const top = sorted[0];
      const title = t('orderTitle', { id: input.orderId });
      if (!top) return { tone: 'not-applicable', icon: ICONS['not-applicable'], text: t('noClocks'), label: around(t('sentence', { id: input.orderId, text: TEXT_SLOT })), details: () => ({ title, rules: [] }) };
      const text = badgeText(top, lang);
      const deadline = deadlineText(top, lang);
      return {
        tone: top.state,
        icon: ICONS[top.state],
        text,
        label: around(deadline ? t('sentenceDue', { id: input.orderId, text: TEXT_SLOT, deadline }) : t('sentence', { id: input.orderId, text: TEXT_SLOT })),
        details: lazy(() => ({ title, rules: sorted.map((v) => ruleLine(v, lang, rules)) })),
      };
    }
  }
}
