import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The toolbar title comes from the popup's <title> (WXT writes it as action / browser_action
 * default_title): it must be a manifest message, defined in every locale, like the name and
 * description in wxt.config.ts.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const keysIn = (text: string) => [...text.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);

describe('manifest strings', () => {
  const popupTitle = /<title>([^<]*)<\/title>/.exec(read('entrypoints/popup/index.html'))?.[1];

  it('the popup title is a localized manifest message', () => {
    expect(popupTitle).toBe('__MSG_actionTitle__');
  });

  it.each(['zh_CN', 'en'])('every __MSG_ key used is defined in %s', (locale) => {
    const messages = JSON.parse(read(`public/_locales/${locale}/messages.json`)) as Record<string, { message: string }>;
    const used = new Set([...keysIn(read('wxt.config.ts')), ...keysIn(popupTitle ?? '')]);
    expect(used.size).toBeGreaterThanOrEqual(3);
    for (const key of used) expect(messages[key]?.message, key).toBeTruthy();
  });
});
