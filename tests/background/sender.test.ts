import { describe, expect, it } from 'vitest';
import { isOwnContentScript, isOwnPage, platformOfUrl } from '@/utils/background/sender';

const ID = 'own-extension';

describe('sender checks', () => {
  it('maps back-office URLs to their platform and nothing else', () => {
    expect(platformOfUrl('https://fxg.jinritemai.com/ffa/morder/order/list?page=2')).toBe('douyin');
    expect(platformOfUrl('https://s.kwaixiaodian.com/zone/order/list')).toBe('kuaishou');
    expect(platformOfUrl('https://work.1688.com/x')).toBe('alibaba1688');
    expect(platformOfUrl('https://qn.taobao.com/home.htm/trade-platform/tp/sold')).toBe('tmallGlobal');
    expect(platformOfUrl('http://fxg.jinritemai.com/ffa/morder/order/list')).toBeUndefined();
    expect(platformOfUrl('https://fxg.jinritemai.com.evil.example/ffa')).toBeUndefined();
    expect(platformOfUrl('https://evil.example/?u=https://fxg.jinritemai.com/')).toBeUndefined();
    expect(platformOfUrl('not a url')).toBeUndefined();
    expect(platformOfUrl(undefined)).toBeUndefined();
  });

  it('trusts only its own content script on the platform the message names', () => {
    const tab = { id: 3 };
    const douyinPage = 'https://fxg.jinritemai.com/ffa/morder/order/list';
    expect(isOwnContentScript({ id: ID, url: douyinPage, tab }, ID, 'douyin')).toBe(true);
    expect(isOwnContentScript({ id: 'other-extension', url: douyinPage, tab }, ID, 'douyin')).toBe(false);
    expect(isOwnContentScript({ id: ID, url: douyinPage, tab }, ID, 'kuaishou')).toBe(false);
    expect(isOwnContentScript({ id: ID, url: 'https://example.com/', tab }, ID, 'douyin')).toBe(false);
    expect(isOwnContentScript({ id: ID, url: douyinPage }, ID, 'douyin')).toBe(false);
  });

  it('recognises its own extension pages only', () => {
    const origin = `chrome-extension://${ID}/`;
    expect(isOwnPage({ id: ID, url: `${origin}popup.html` }, ID, origin)).toBe(true);
    expect(isOwnPage({ id: ID, url: 'chrome-extension://someone-else/popup.html' }, ID, origin)).toBe(false);
    expect(isOwnPage({ id: ID, url: 'https://fxg.jinritemai.com/', tab: { id: 1 } }, ID, origin)).toBe(false);
    expect(isOwnPage({ id: 'x', url: `${origin}popup.html` }, ID, origin)).toBe(false);
  });
});
