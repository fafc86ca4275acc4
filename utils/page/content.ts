import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ruleLookup } from '@/components/badge/rules';
import type { Rule } from '@/policies/rule';
import type { DataHealth } from '@/utils/page-data/health';
import { joinPageData } from '@/utils/page-data/join';
import { createPageDataStore, listenForPageData } from '@/utils/page-data/receiver';
import type { PageParsers } from '@/utils/page-data/result';
import type { PageAdapter } from './adapter';
import { startPage, type PageDeps } from './run';

/**
 * The content-script body every platform shares: one page session, re-read on in-app navigation,
 * stopped when the extension is updated or removed. With `pageData`, the orders the page's own
 * list JSON carried (seen by the main-world observer) are joined to the rows by order id.
 */
export function runContentScript(
  ctx: ContentScriptContext,
  adapter: PageAdapter,
  rules: readonly Rule[],
  { pageData }: { pageData?: PageParsers },
): void {
  const store = pageData ? createPageDataStore(pageData) : undefined;
  let health: DataHealth | undefined;
  const join: PageDeps['join'] = store
    ? (reading, now) => {
        const joined = joinPageData(reading, store.state(), now, health);
        health = joined.health;
        return joined;
      }
    : undefined;
  const session = startPage({
    adapter,
    doc: document,
    location: () => location.href,
    send: (message) => browser.runtime.sendMessage(message),
    rules: ruleLookup(rules),
    join,
  });
  if (store) ctx.onInvalidated(listenForPageData(store, () => session.dataChanged()));
  ctx.addEventListener(window, 'wxt:locationchange', () => session.navigated());
  ctx.onInvalidated(() => session.stop());
  void session.scan();
}
