import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH } from './browsers';
import { FIREFOX_BUILD } from './paths';
import type { ServedPage } from './network';

/** firefox-esr over WebDriver BiDi with the Firefox build installed as a temporary add-on. */
export async function launchFirefoxWithAddon(addonDir = FIREFOX_BUILD): Promise<{ browser: Browser; addonId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: { 'intl.locale.requested': 'zh-CN', 'intl.accept_languages': 'zh-CN' },
  });
  const addonId = await browser.installExtension(addonDir);
  return { browser, addonId };
}

/**
 * Serves fixture pages at their real addresses through BiDi request interception and aborts every
 * other request; returns the aborted ones.
 */
export async function serveInFirefox(page: Page, pages: ServedPage[]): Promise<string[]> {
  const unexpected: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url().split('#')[0]!;
    const served = pages.find((p) => p.url.split('#')[0] === url);
    if (served && request.isNavigationRequest()) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: served.html() });
    } else {
      if (!url.endsWith('/favicon.ico')) unexpected.push(url);
      void request.abort();
    }
  });
  return unexpected;
}
