import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from './harness/chromium';
import { CHROME_BUILD, REPO_ROOT } from './harness/paths';

/** What the store listing and the toolbar show, read from the installed extension itself. */
describe('Chromium: the built extension installs as a merchant gets it', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithExtension();
  });
  afterAll(async () => session?.close());

  it('has a name and toolbar title in the browser\'s language (zh_CN, or en where Chromium has no zh-CN pack)', async () => {
    const worker = await session.worker();
    const shown = await worker.evaluate(async () => ({
      lang: chrome.i18n.getUILanguage(),
      name: chrome.i18n.getMessage('extName'),
      title: await chrome.action.getTitle({}),
    }));
    const locale = shown.lang.startsWith('zh') ? 'zh_CN' : 'en';
    const messages = JSON.parse(await readFile(resolve(REPO_ROOT, `public/_locales/${locale}/messages.json`), 'utf8'));
    expect({ name: shown.name, title: shown.title }).toEqual({ name: messages.extName.message, title: messages.actionTitle.message });
    const manifest = JSON.parse(await readFile(resolve(CHROME_BUILD, 'manifest.json'), 'utf8'));
    expect(manifest.default_locale).toBe('zh_CN');
  });

  it('ships an icon at every size the stores ask for', async () => {
    const manifest = JSON.parse(await readFile(resolve(CHROME_BUILD, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.icons ?? {}).map(Number).sort((a, b) => a - b)).toEqual([16, 32, 48, 96, 128]);
    for (const file of Object.values<string>(manifest.icons)) {
      const png = await readFile(resolve(CHROME_BUILD, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
  });
});
