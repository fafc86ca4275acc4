import { BADGE_CSS, MIN_WIDTH_EM } from './styles';
import type { BadgeContent, BadgeDetails } from './view';

/**
 * The badge element: plain DOM in an open shadow root (page styles can't reach in; Playwright
 * can pierce it). Custom elements are unavailable to content scripts, so `shouyue-badge` is an
 * undefined autonomous element, which may still host a shadow root. All text is set with
 * textContent: nothing from the page is ever parsed as HTML.
 */

export const BADGE_TAG = 'shouyue-badge';

interface Parts {
  button: HTMLButtonElement;
  icon: HTMLElement;
  text: HTMLElement;
  /** The waiting words, shown instead of the icon and words, which stay written while waiting. */
  wait: HTMLElement;
  /** The screen readers' sentence around the face's words (hidden: named by aria-labelledby only). */
  before: HTMLElement;
  after: HTMLElement;
  pop: HTMLElement;
  /** The popover's words, written into it when it opens (undefined: already written). */
  details?: () => BadgeDetails;
  /** What the face shows now: only what differs is written (each write restyles the badge). */
  face: { tone: string; icon: string; text: string; wait: string; before: string; after: string; labelledBy: string; widthEm: number };
}

/** Widths go in steps, so a countdown ticking from `10小时` to `9小时` keeps its box. */
const WIDTH_STEP_EM = 2;

/**
 * The width, in em of the badge's 12px font, that the face needs, from its characters alone (a
 * measurement would lay out the page): a CJK or other wide character is 1em, an ASCII one at most
 * 0.62em (digits are tabular), plus the icon, gap, padding and border (20px). An underestimate only
 * cuts the text short with an ellipsis; the full words are in the label and the popover.
 */
export function faceWidthEm(text: string): number {
  // The frame, and the icon: one character, at most 1em.
  let em = 20 / 12 + 1;
  // By UTF-16 unit: a character outside the BMP counts twice, which only widens the box.
  for (let i = 0; i < text.length; i++) em += text.charCodeAt(i) < 0x80 ? 0.62 : 1;
  return Math.max(MIN_WIDTH_EM, Math.ceil(em / WIDTH_STEP_EM) * WIDTH_STEP_EM);
}
const parts = new WeakMap<Element, Parts>();

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string) {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The shadow root's content, built once per document and cloned per badge (one call, not a dozen). */
const templates = new WeakMap<Document, DocumentFragment>();
function template(doc: Document): DocumentFragment {
  let t = templates.get(doc);
  if (t) return t;
  t = doc.createDocumentFragment();
  const button = el(doc, 'button');
  button.type = 'button';
  button.setAttribute('aria-describedby', 'pop');
  const icon = el(doc, 'span', 'icon');
  icon.setAttribute('aria-hidden', 'true');
  const text = el(doc, 'span', 'text');
  text.id = 'text';
  button.append(icon, text, el(doc, 'span', 'wait'));
  const hidden = (id: string) => {
    const span = el(doc, 'span');
    span.id = id;
    span.hidden = true;
    return span;
  };
  const pop = el(doc, 'div', 'pop');
  pop.id = 'pop';
  pop.setAttribute('role', 'tooltip');
  t.append(button, hidden('before'), hidden('after'), pop);
  templates.set(doc, t);
  return t;
}

/**
 * The badges' style sheet, one per document (made with the page window's constructor), adopted by
 * every badge's shadow root; null where the browser will not let this script's sheet be adopted
 * (some refuse a sheet made from a content script's realm): there each badge carries a <style> of
 * its own. A shared sheet is parsed and matched once — a <style> per badge makes the page restyle
 * a thousand sheets when the list is laid out, and each badge moved into a re-rendered row brings
 * its own (in Chromium, 1,000 badges: 250 ms of style and layout against 84).
 */
const sheets = new WeakMap<Document, CSSStyleSheet | null>();

function sharedSheet(doc: Document): CSSStyleSheet | null {
  if (!sheets.has(doc)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      const Sheet = doc.defaultView?.CSSStyleSheet;
      if (Sheet) {
        sheet = new Sheet();
        sheet.replaceSync(BADGE_CSS);
      }
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
  }
  return sheets.get(doc)!;
}

function styleBadge(root: ShadowRoot, doc: Document): void {
  const sheet = sharedSheet(doc);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets[0] === sheet) return;
    } catch {
      // Refused (a sheet made in another realm): the <style> below, for every badge from now on.
    }
    sheets.set(doc, null);
  }
  root.prepend(el(doc, 'style', undefined, BADGE_CSS));
}

/** Writes the popover's words (all as text). */
function writeDetails(pop: HTMLElement, details: BadgeDetails): void {
  const doc = pop.ownerDocument;
  const items = details.rules.map((r) => {
    const li = el(doc, 'li', `s-line-${r.state}`);
    const head = el(doc, 'div', 'rule');
    head.append(el(doc, 'span', undefined, r.title), el(doc, 'span', `tag s-${r.state}`, r.tag));
    li.append(head, ...r.lines.map((line) => el(doc, 'div', 'line', line)));
    return li;
  });
  const list = el(doc, 'ul');
  list.append(...items);
  pop.replaceChildren(el(doc, 'div', 'title', details.title), list);
  if (details.hint) pop.append(el(doc, 'div', 'hint', details.hint));
}

/** Brings the popover's words up to date (when it opens, or is open while the badge changes). */
function fillPopover(p: Parts): void {
  if (!p.details) return;
  writeDetails(p.pop, p.details());
  p.details = undefined;
}

export function createBadgeHost(doc: Document): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  root.append(template(doc).cloneNode(true));
  const [button, before, after, pop] = [...root.children] as [HTMLButtonElement, HTMLElement, HTMLElement, HTMLElement];
  styleBadge(root, doc);
  const p: Parts = {
    button,
    icon: button.children[0] as HTMLElement,
    text: button.children[1] as HTMLElement,
    wait: button.children[2] as HTMLElement,
    before,
    after,
    pop,
    face: { tone: '', icon: '', text: '', wait: '', before: '', after: '', labelledBy: '', widthEm: 0 },
  };
  parts.set(host, p);

  const close = () => {
    pop.classList.remove('open');
    host.style.zIndex = '';
  };
  const open = () => {
    fillPopover(p);
    const r = button.getBoundingClientRect();
    const view = doc.defaultView;
    const width = view?.innerWidth ?? 1024;
    pop.classList.add('open');
    // Above the page's later rows while open (the host is the popover's stacking context).
    host.style.zIndex = '2147483647';
    // Placed in the viewport, written relative to the host (its containing block).
    const at = host.getBoundingClientRect();
    pop.style.left = `${Math.max(4, Math.min(r.left, width - 390)) - at.left}px`;
    // Below the badge, or above it when the viewport has no room below.
    const below = r.bottom + 4 + pop.offsetHeight <= (view?.innerHeight ?? Infinity);
    pop.style.top = `${(below ? r.bottom + 4 : Math.max(4, r.top - 4 - pop.offsetHeight)) - at.top}px`;
    // The popover is placed for this scroll position; scrolling closes it rather than leave it adrift.
    view?.addEventListener('scroll', close, { once: true, capture: true, passive: true });
  };
  host.addEventListener('mouseenter', open);
  host.addEventListener('mouseleave', close);
  host.addEventListener('focusin', open);
  host.addEventListener('focusout', close);
  host.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  // The badge is ours: clicks on it must not open the row's detail page or select the row.
  host.addEventListener('click', (e) => e.stopPropagation());
  return host;
}

/** Only ever wider: a narrower box would re-lay out the row for nothing. */
function widen(host: Element, p: Parts, text: string): void {
  const widthEm = faceWidthEm(text);
  if (widthEm > p.face.widthEm) (host as HTMLElement).style.width = `${(p.face.widthEm = widthEm)}em`;
}

/**
 * Shows `content` on the badge; its popover's words are written when it opens (now, if open).
 * Waiting shows its own words (written once) in place of the last face's, which stay written: an
 * order that reads differently and then gets the same words back costs two class changes, not
 * four writes each way.
 */
export function renderBadge(host: Element, content: BadgeContent): void {
  const p = parts.get(host);
  if (!p) return;
  const { face } = p;
  if (face.tone !== content.tone) p.button.className = `s-${(face.tone = content.tone)}`;
  const { before, after, aroundText } = content.label;
  if (face.before !== before) p.before.textContent = face.before = before;
  if (face.after !== after) p.after.textContent = face.after = after;
  const labelledBy = aroundText ? 'before text after' : 'before';
  if (face.labelledBy !== labelledBy) p.button.setAttribute('aria-labelledby', (face.labelledBy = labelledBy));
  if (content.tone === 'waiting') {
    const words = `${content.icon} ${content.text}`;
    if (face.wait !== words) {
      p.wait.textContent = face.wait = words;
      widen(host, p, content.text);
    }
  } else {
    if (face.icon !== content.icon) p.icon.textContent = face.icon = content.icon;
    if (face.text !== content.text) {
      p.text.textContent = face.text = content.text;
      widen(host, p, content.text);
    }
  }
  p.details = content.details;
  if (p.pop.classList.contains('open')) fillPopover(p);
}

export const isBadge = (node: Node): boolean => node.nodeName === BADGE_TAG.toUpperCase();

/** A badge this script made (a page cloning a row copies the element but not its shadow root). */
export const isOwnBadge = (node: Node): boolean => parts.has(node as Element);

/** Badges this script took out of the page itself (rows gone, badges replaced). */
const removedHere = new WeakSet<Node>();

export function removeBadge(host: Element): void {
  removedHere.add(host);
  host.remove();
}

/**
 * A mutation that only added our badges or removed badges, none of ours but by our own hand: not a
 * change of the page. (The page taking one of our badges out is one: that row needs it back; so is
 * the page adding a copy of one, an element of its own.)
 */
export function onlyBadgesMoved(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  // Looked at one by one: a record of the page's own usually fails on its first node, and a
  // 1,000-row insert is one record whose nodes need not all be wrapped for this script.
  for (const n of r.addedNodes) if (!isOwnBadge(n)) return false;
  for (const n of r.removedNodes) if (!isBadge(n) || (!removedHere.has(n) && isOwnBadge(n))) return false;
  return true;
}
