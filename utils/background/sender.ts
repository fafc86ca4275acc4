import { PLATFORM_PAGES, type Platform } from '@/policies/platforms';

/** The parts of `runtime.MessageSender` the checks read. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

function safeUrl(text: unknown): URL | undefined {
  if (typeof text !== 'string' || !text) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Match pattern (`https://host/*`, path glob) → test on a URL. Host wildcards are not used. */
export function matchesPattern(url: URL, pattern: string): boolean {
  const m = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  if (url.protocol !== `${scheme}:` || url.host !== host) return false;
  const glob = new RegExp(`^${path!.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(url.pathname + url.search);
}

/** The platform whose back office `url` is, if any. */
export function platformOfUrl(text: string | undefined): Platform | undefined {
  const url = safeUrl(text);
  if (!url) return undefined;
  for (const [platform, page] of Object.entries(PLATFORM_PAGES) as [Platform, (typeof PLATFORM_PAGES)[Platform]][]) {
    if (page.matches.some((p) => matchesPattern(url, p))) return platform;
  }
  return undefined;
}

/**
 * A content script of this extension, running in a tab on `platform`'s back office. Anything else
 * (another extension, a web page, a content script on another platform's host) is not trusted to
 * write that platform's orders.
 */
export function isOwnContentScript(sender: Sender, extensionId: string, platform: Platform): boolean {
  return sender.id === extensionId && sender.tab !== undefined && platformOfUrl(sender.url) === platform;
}

/** One of this extension's own pages (popup, options), not a content script. */
export function isOwnPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  const url = safeUrl(sender.url);
  const own = safeUrl(extensionOrigin);
  // `URL.origin` is "null" for extension schemes in some engines: compare scheme and host instead.
  return sender.id === extensionId && !!url && !!own && url.protocol === own.protocol && url.host === own.host;
}
