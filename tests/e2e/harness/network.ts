import type { BrowserContext, Request, Route } from 'playwright-core';

/** A page served at a platform's real address; `html` runs at serve time so times are relative to then. */
export interface ServedPage {
  url: string;
  html: () => string;
}

export interface NetworkLog {
  /** http(s) requests made by the extension's own contexts (service worker, popup, options). */
  fromExtension: string[];
  /** http(s) requests for anything that is not a served fixture page (aborted, never sent). */
  unexpected: string[];
  /** Fixture pages served, in order. */
  served: string[];
  /** Replaces the page served at `url` (the next load gets the new one). */
  serve(page: ServedPage): void;
}

const withoutHash = (url: string) => url.split('#')[0]!;

function isFromExtension(request: Request): boolean {
  if (request.serviceWorker()) return request.serviceWorker()!.url().startsWith('chrome-extension://');
  try {
    return request.frame().url().startsWith('chrome-extension://');
  } catch {
    return false; // requests of a frame that is already gone
  }
}

/**
 * Serves fixture pages at the platforms' real addresses, so the shipped manifest's matches are what
 * the test exercises, and nothing ever reaches the internet: every other http(s) request is recorded
 * and aborted.
 */
export async function servePages(context: BrowserContext, pages: ServedPage[]): Promise<NetworkLog> {
  const byUrl = new Map(pages.map((p) => [withoutHash(p.url), p]));
  const log: NetworkLog = {
    fromExtension: [],
    unexpected: [],
    served: [],
    serve: (page) => void byUrl.set(withoutHash(page.url), page),
  };
  context.on('request', (request) => {
    if (/^(https?|wss?):/.test(request.url()) && isFromExtension(request)) log.fromExtension.push(request.url());
  });
  await context.route(/^https?:/, async (route: Route) => {
    const url = withoutHash(route.request().url());
    // The browser asks every site for its icon by itself; the back offices' icons are not part of the test.
    if (new URL(url).pathname === '/favicon.ico') return route.fulfill({ status: 404 });
    const page = byUrl.get(url);
    if (page && route.request().resourceType() === 'document') {
      log.served.push(url);
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.html() });
      return;
    }
    log.unexpected.push(`${route.request().resourceType()} ${url}`);
    await route.abort('blockedbyclient');
  });
  return log;
}
