import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL } from '@/utils/page-data/endpoints';
import { installObserver, type ObservedResponse } from '@/utils/page-data/observe';

/**
 * The observer against a fake page window whose fetch / XHR behave like the browser's: the page's
 * own code must see exactly what it would without 守约, whatever the observer does or fails to do.
 */

const ORIGIN = 'https://mms.pinduoduo.com';
const LIST = '/mangkhut/mms/recentOrderList';
// Odd bytes on purpose: CJK, escapes, a BOM-like char, trailing spaces and newlines.
const BODY = '{"success":true,"result":{"pageItems":[{"order_sn":"260329-000000000000001","goods_name":"示例\\u0041 ﻿"}]}}  \n';

class FakeXhr extends EventTarget {
  static bodies = new Map<string, string>();
  responseType: XMLHttpRequestResponseType = '';
  status = 0;
  responseText = '';
  response: unknown = null;
  url = '';
  onload: ((this: FakeXhr) => void) | null = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  send() {
    queueMicrotask(() => {
      this.status = 200;
      const body = FakeXhr.bodies.get(this.url) ?? '';
      if (this.responseType === 'json') this.response = JSON.parse(body);
      else this.responseText = body;
      this.dispatchEvent(new Event('load'));
      this.onload?.call(this);
    });
  }
}

function fakeWindow() {
  const posted: ObservedResponse[] = [];
  const returned: Promise<Response>[] = [];
  const fetchImpl = vi.fn(function fetch(input: RequestInfo | URL) {
    void input;
    const p = Promise.resolve(new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } }));
    returned.push(p);
    return p;
  });
  class PageXhr extends FakeXhr {}
  const win = {
    fetch: fetchImpl as unknown as typeof fetch,
    XMLHttpRequest: PageXhr,
    location: { origin: ORIGIN, href: `${ORIGIN}/orders/list` },
    listeners: [] as ((event: MessageEvent) => void)[],
    addEventListener(type: string, listener: (event: MessageEvent) => void) {
      if (type === 'message') this.listeners.push(listener);
    },
    postMessage: vi.fn((message: ObservedResponse, target: string) => {
      expect(target).toBe(ORIGIN);
      posted.push(message);
    }),
  };
  return { win, posted, returned, fetchImpl, PageXhr };
}
type Fake = ReturnType<typeof fakeWindow>;
/** The observer's own hand-off fails: what the page does must not notice. */
const breakPosting = (fake: Fake) =>
  fake.win.postMessage.mockImplementation(() => {
    throw new Error('observer bug');
  });
const install = (fake: Fake) => installObserver('pinduoduo', fake.win as unknown as Window & typeof globalThis);
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => FakeXhr.bodies.clear());

describe('fetch observer', () => {
  it('hands the page the very promise fetch returned, with byte-identical body, and copies it', async () => {
    const fake = fakeWindow();
    install(fake);
    const pending = fake.win.fetch(`${LIST}?anti=signed`, { method: 'POST', body: '{}' });
    expect(pending).toBe(fake.returned[0]);
    const response = await pending;
    expect(await response.text()).toBe(BODY); // the page can still read its body
    await settle();
    expect(fake.posted).toEqual([{ channel: CHANNEL, kind: 'response', endpoint: 'pinduoduo.orders', status: 200, body: BODY, seenAt: expect.any(Number) }]);
    expect(fake.fetchImpl).toHaveBeenCalledWith(`${LIST}?anti=signed`, { method: 'POST', body: '{}' });
  });

  it('leaves other requests alone and keeps fetch looking like fetch', async () => {
    const fake = fakeWindow();
    const original = fake.win.fetch;
    install(fake);
    expect(fake.win.fetch).not.toBe(original);
    expect(fake.win.fetch.name).toBe(original.name);
    expect(fake.win.fetch.length).toBe(original.length);
    await (await fake.win.fetch('/mangkhut/mms/other')).text();
    await fake.win.fetch(new Request(`${ORIGIN}${LIST}`));
    await settle();
    expect(fake.posted.map((m) => m.endpoint)).toEqual(['pinduoduo.orders']);
  });

  it('passes a failed request through unchanged', async () => {
    const fake = fakeWindow();
    const failure = new TypeError('Failed to fetch');
    fake.fetchImpl.mockImplementationOnce(() => Promise.reject(failure));
    install(fake);
    await expect(fake.win.fetch(LIST)).rejects.toBe(failure);
    await settle();
    expect(fake.posted).toEqual([]);
  });

  it('keeps the page working when its own code throws', async () => {
    const fake = fakeWindow();
    breakPosting(fake);
    install(fake);
    expect(await (await fake.win.fetch(LIST)).text()).toBe(BODY);
    const poisoned = { get url(): string { throw new Error('hostile input'); } };
    expect(await (await fake.win.fetch(poisoned as unknown as Request)).text()).toBe(BODY);
    await settle();
  });

  it('installs once: a second injection does not copy responses twice', async () => {
    const fake = fakeWindow();
    install(fake);
    install(fake);
    await fake.win.fetch(LIST);
    await settle();
    expect(fake.posted).toHaveLength(1);
  });
});

describe('replay for a receiver that starts late', () => {
  const ask = (fake: Fake, source: unknown, data: unknown) =>
    fake.win.listeners.forEach((l) => l({ source, data } as MessageEvent));

  it('posts the kept copies again when this window asks, and only then', async () => {
    const fake = fakeWindow();
    install(fake);
    for (let i = 0; i < 7; i++) await (await fake.win.fetch(LIST)).text();
    await settle();
    expect(fake.posted).toHaveLength(7);
    ask(fake, {}, { channel: CHANNEL, kind: 'replay' }); // another window: ignored
    ask(fake, fake.win, { channel: 'other', kind: 'replay' });
    ask(fake, fake.win, null);
    expect(fake.posted).toHaveLength(7);
    ask(fake, fake.win, { channel: CHANNEL, kind: 'replay' });
    expect(fake.posted).toHaveLength(12); // the last 5 per endpoint
    expect(fake.posted.slice(7)).toEqual(fake.posted.slice(2, 7));
  });
});

describe('XMLHttpRequest observer', () => {
  it('lets the page read the same response and copies it (text and json response types)', async () => {
    const fake = fakeWindow();
    install(fake);
    FakeXhr.bodies.set(LIST, BODY);
    const seen: unknown[] = [];
    for (const type of ['', 'json'] as const) {
      const xhr = new fake.PageXhr();
      xhr.responseType = type;
      xhr.onload = function () {
        seen.push(type === 'json' ? this.response : this.responseText);
      };
      xhr.open('POST', LIST);
      xhr.send();
    }
    await settle();
    expect(seen).toEqual([BODY, JSON.parse(BODY)]);
    expect(fake.posted.map((m) => [m.endpoint, JSON.parse(m.body)])).toEqual([
      ['pinduoduo.orders', JSON.parse(BODY)],
      ['pinduoduo.orders', JSON.parse(BODY)],
    ]);
  });

  it('stops copying an XHR reused for another address', async () => {
    const fake = fakeWindow();
    install(fake);
    FakeXhr.bodies.set(LIST, BODY);
    FakeXhr.bodies.set('/other', '{}');
    const xhr = new fake.PageXhr();
    xhr.open('POST', LIST);
    xhr.open('GET', '/other');
    xhr.send();
    await settle();
    expect(xhr.responseText).toBe('{}');
    expect(fake.posted).toEqual([]);
  });

  it('keeps the page working when its own code throws', async () => {
    const fake = fakeWindow();
    breakPosting(fake);
    install(fake);
    FakeXhr.bodies.set(LIST, BODY);
    const xhr = new fake.PageXhr();
    let loaded = '';
    xhr.onload = function () {
      loaded = this.responseText;
    };
    xhr.open('POST', LIST);
    xhr.send();
    await settle();
    expect(loaded).toBe(BODY);
  });
});
