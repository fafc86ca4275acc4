import { browser } from 'wxt/browser';
import { PLATFORM_PAGES, type Platform } from '@/policies/platforms';
import { platformOfUrl } from './sender';

/**
 * Where an order is handled. No platform's per-order URL form is documented in the sources
 * (PAGES.md), so this is the platform's order list; the popup copies the order id for its search box.
 */
export function orderPageUrl(platform: Platform): string {
  return PLATFORM_PAGES[platform].orderListUrl;
}

/** Focuses an open tab of the platform's back office (the order list first), else opens one. */
export async function openOrderPage(platform: Platform): Promise<void> {
  const page = PLATFORM_PAGES[platform];
  const listPath = new URL(page.orderListUrl).pathname;
  const tabs = (await browser.tabs.query({ url: page.matches })).filter(
    (t) => t.id !== undefined && platformOfUrl(t.url) === platform,
  );
  const tab = tabs.find((t) => t.url && new URL(t.url).pathname === listPath) ?? tabs[0];
  if (tab?.id === undefined) {
    await browser.tabs.create({ url: orderPageUrl(platform), active: true });
    return;
  }
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}
