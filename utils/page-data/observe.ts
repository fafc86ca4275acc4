import type { Platform } from '@/policies/platforms';
import { CHANNEL, MAX_BODY_CHARS, endpointFor, type EndpointId } from './endpoints';

/**
 * Runs in the page's main world. Copies the responses of the platform's list endpoints and posts
 * them to the isolated content script. It never changes, delays, blocks or replays a request:
 * the page gets the very promise / XHR the browser gave it, and every line of our own work is
 * behind a try/catch so a failure here can only cost 守约 its data, never the page its own.
 */

export interface ObservedResponse {
  channel: typeof CHANNEL;
  kind: 'response';
  endpoint: EndpointId;
  status: number;
  body: string;
  seenAt: number;
}

const INSTALLED = Symbol.for('shouyue.page-data.observer');

/**
 * The isolated script starts at document_idle, after the page may have loaded its first list.
 * The observer keeps the last few copies per endpoint and posts them again when asked.
 */
const REPLAY_PER_ENDPOINT = 5;
const REPLAY_MAX_CHARS = 16_000_000;

type PageWindow = Window & typeof globalThis;

function requestUrl(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (typeof input === 'object' && input !== null && 'url' in input) return String((input as Request).url);
  return undefined;
}

function noop(): void {}

export function installObserver(platform: Platform, win: PageWindow = window): void {
  try {
    const marked = win as unknown as Record<symbol, boolean>;
    if (marked[INSTALLED]) return;
    marked[INSTALLED] = true;
    const kept: ObservedResponse[] = [];
    const send = (message: ObservedResponse) => {
      try {
        win.postMessage(message, win.location.origin);
      } catch {
        // Posting failed: 守约 misses this response, the page is unaffected.
      }
    };
    const post = (endpoint: EndpointId, status: number, body: string) => {
      if (body.length > MAX_BODY_CHARS) return;
      const message: ObservedResponse = { channel: CHANNEL, kind: 'response', endpoint, status, body, seenAt: Date.now() };
      kept.push(message);
      const same = kept.filter((m) => m.endpoint === endpoint);
      let chars = kept.reduce((n, m) => n + m.body.length, 0);
      while (kept.length > 0 && (same.length > REPLAY_PER_ENDPOINT || chars > REPLAY_MAX_CHARS)) {
        const dropped = same.length > REPLAY_PER_ENDPOINT ? same.shift()! : kept[0]!;
        kept.splice(kept.indexOf(dropped), 1);
        chars -= dropped.body.length;
      }
      send(message);
    };
    const match = (url: string | undefined) => (url === undefined ? undefined : endpointFor(platform, url, win.location.href));
    observeFetch(win, match, post);
    observeXhr(win, match, post);
    win.addEventListener('message', (event: MessageEvent) => {
      try {
        const data = event.data as { channel?: unknown; kind?: unknown } | null;
        if (event.source === win && data?.channel === CHANNEL && data.kind === 'replay') kept.forEach(send);
      } catch {
        // A malformed request is ignored.
      }
    });
  } catch {
    // Never let installation break the page.
  }
}

type Match = (url: string | undefined) => EndpointId | undefined;
type Post = (endpoint: EndpointId, status: number, body: string) => void;

function observeFetch(win: PageWindow, match: Match, post: Post): void {
  const original = win.fetch;
  if (typeof original !== 'function') return;
  // A Proxy keeps the original's name, length and toString, so page code that inspects fetch sees no change.
  win.fetch = new Proxy(original, {
    apply(target, thisArg, args: Parameters<typeof fetch>) {
      const pending = Reflect.apply(target, thisArg, args) as Promise<Response>;
      try {
        const endpoint = match(requestUrl(args[0]));
        if (endpoint) {
          pending.then((response) => {
            try {
              // Cloned before the page's own handlers run, so its body is never "already used".
              response.clone().text().then((body) => post(endpoint, response.status, body), noop);
            } catch {
              // The response could not be cloned: skip it.
            }
          }, noop);
        }
      } catch {
        // Matching failed: the page's request goes on untouched.
      }
      return pending;
    },
  });
}

function observeXhr(win: PageWindow, match: Match, post: Post): void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto || typeof proto.open !== 'function') return;
  const endpoints = new WeakMap<XMLHttpRequest, EndpointId>();
  const listening = new WeakSet<XMLHttpRequest>();
  const onLoad = function (this: XMLHttpRequest) {
    try {
      const endpoint = endpoints.get(this);
      if (!endpoint) return;
      const type = this.responseType;
      if (type === '' || type === 'text') post(endpoint, this.status, this.responseText);
      else if (type === 'json' && this.response !== null) post(endpoint, this.status, JSON.stringify(this.response));
    } catch {
      // Reading the finished response failed: skip it.
    }
  };
  proto.open = new Proxy(proto.open, {
    apply(target, xhr: XMLHttpRequest, args: unknown[]) {
      try {
        const endpoint = match(requestUrl(args[1]));
        if (endpoint) {
          endpoints.set(xhr, endpoint);
          if (!listening.has(xhr)) {
            listening.add(xhr);
            xhr.addEventListener('load', onLoad);
          }
        } else {
          endpoints.delete(xhr); // a reused XHR now fetches something else
        }
      } catch {
        // Matching failed: the page's request goes on untouched.
      }
      return Reflect.apply(target, xhr, args);
    },
  });
}
