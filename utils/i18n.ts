/**
 * UI text in Simplified Chinese first, English second. The merchant can switch language in the
 * options page at run time, which `browser.i18n` cannot do, so UI strings live in small typed
 * dictionaries (one per UI area); only the manifest's own strings use `public/_locales`.
 */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const DEFAULT_LANG: Lang = 'zh';

export type Messages<K extends string> = Record<Lang, Record<K, string>>;

/** Declares one area's strings; English must have exactly the keys Chinese has. */
export function defineMessages<const Z extends Record<string, string>>(
  zh: Z,
  en: { [K in keyof Z]: string },
): Messages<Extract<keyof Z, string>> {
  return { zh, en } as Messages<Extract<keyof Z, string>>;
}

/** Templates split once into text and placeholder names (odd places): badges fill thousands. */
const compiled = new Map<string, string[]>();

/** Fills `{name}` placeholders. Values are plain text and are only ever rendered as text. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  let pieces = compiled.get(template);
  if (!pieces) {
    pieces = template.split(/\{(\w+)\}/);
    compiled.set(template, pieces);
  }
  if (pieces.length === 1) return template;
  let out = pieces[0]!;
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + pieces[i + 1]!;
  }
  return out;
}

export function translator<K extends string>(messages: Messages<K>, lang: Lang) {
  const table = messages[lang];
  return (key: K, params?: Record<string, string | number>) => format(table[key], params);
}
