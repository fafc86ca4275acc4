/**
 * Reading text the way a merchant reads the page: labels and values, whatever the markup.
 * Values are found by their visible label (`下单时间 2024/03/08 10:12:33`, `订单号：…`), never by
 * class names, which are hashed per build.
 */

import { normText } from '@/policies/text';

export { normText };

/** Elements whose text is not the page's words (scripts, styles, a copy of our badge). */
const NOT_WORDS = 'script,style,noscript,template,shouyue-badge';

/**
 * The text nodes of `part` not to read — under a NOT_WORDS element or a `skip` element — or
 * undefined when there are none. Asked once per part: asking every text node for its parent would
 * wrap every element of a 1,000-row list for this script, which the garbage collector pays for.
 */
function leftOut(part: Element, skip: readonly Element[]): Set<Node> | undefined {
  let nodes: Set<Node> | undefined;
  // Most parts hold none: asking for the first allocates nothing when there is none, a list would.
  if (part.querySelector(NOT_WORDS)) for (const holder of part.querySelectorAll(NOT_WORDS)) nodes = textNodesOf(holder, nodes);
  for (const holder of skip) if (part.contains(holder)) nodes = textNodesOf(holder, nodes);
  return nodes;
}

/** Adds `holder`'s text nodes to `nodes` (created when there are some). */
function textNodesOf(holder: Element, nodes: Set<Node> | undefined): Set<Node> | undefined {
  // Most holders are our own badges, which have no text of their own (theirs is in a shadow root).
  if (!holder.firstChild) return nodes;
  const walker = holder.ownerDocument.createTreeWalker(holder, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) (nodes ??= new Set()).add(n);
  return nodes;
}

/** The non-empty texts under `parts`, normalized, in document order, leaving out those inside `skip`. */
export function textsOf(parts: readonly Element[], skip: readonly Element[] = []): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part.matches(NOT_WORDS) || skip.some((s) => s.contains(part))) continue;
    const left = leftOut(part, skip);
    const walker = part.ownerDocument.createTreeWalker(part, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (left?.has(n)) continue;
      const text = normText(n.nodeValue ?? '');
      if (text) out.push(text);
    }
  }
  return out;
}

/*
 * Patterns the hot paths test are module constants: a literal inside a function is a new RegExp
 * object each time it runs, thousands of them for one long list.
 */
/** The separator between a label and its value (`订单号：`). */
export const AFTER_LABEL = /^[\s:：]+/;
const ENDS_AS_LABEL = /[:：]$/;

/** `label` at the start of `text`, followed by a separator or the end. */
export function startsWithLabel(text: string, label: string): boolean {
  if (!text.startsWith(label)) return false;
  const next = text.charAt(label.length);
  return next === '' || next === ' ' || next === ':' || next === '：';
}

/**
 * The value printed after the first of `labels`: the rest of the label's own text node
 * (`订单编号 123`, `订单号：123`) or, when that is empty, the next text node (`<span>下单时间</span>
 * <span>2024-…</span>`). undefined when no label is on the row; '' when the label has no value.
 */
export function labelValue(texts: readonly string[], labels: readonly string[]): string | undefined {
  for (const label of labels) {
    let i = 0;
    while (i < texts.length && !startsWithLabel(texts[i]!, label)) i++;
    if (i === texts.length) continue;
    const rest = texts[i]!.slice(label.length).replace(AFTER_LABEL, '');
    if (rest) return rest;
    const next = texts[i + 1];
    // A next node that is itself a label is not this label's value.
    return next !== undefined && !ENDS_AS_LABEL.test(next) ? next : '';
  }
  return undefined;
}

const MONEY = /[¥￥]\s*(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?!\d)/;

/** Yuan from `¥1,234.50` / `￥59`; undefined when the text shows no price. */
export function money(text: string): number | undefined {
  const m = MONEY.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}
