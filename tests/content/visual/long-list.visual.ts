/**
 * 1,000 order rows on the 抖店 fixture in real Chromium with the built extension: how long until
 * every row is badged, and the long main-thread tasks after the page itself has loaded.
 *   SHOUYUE_OUT_DIR=/tmp/h2out npx wxt build && npx tsx tests/content/visual/long-list.visual.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { douyinFixture } from '../../fixtures/pages/douyin';

const ext = resolve(process.env.SHOUYUE_OUT_DIR ?? '.output', 'chrome-mv3');
const rows = Number(process.argv[2] ?? 1000);
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shouyue-long-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  // NOEXT=1: the same page without the extension, for a baseline.
  args: [...(process.env.NOEXT ? [] : [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`]), '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  if (!process.env.NOEXT) context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const f = douyinFixture({ now: Date.now(), rows, pageSize: rows });
  await context.route('https://fxg.jinritemai.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: f.html }));
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('https://fxg.jinritemai.com/ffa/morder/order/list', { timeout: 120_000 });
  const loaded = await page.evaluate(() => Math.round(performance.getEntriesByType('navigation')[0]!.toJSON().loadEventEnd));
  console.log(`${rows} rows: page load ended at ${loaded} ms`);
  if (process.env.NOEXT) process.exit(0);
  const t0 = Date.now();
  await page.waitForFunction(
    (n) => {
      const b = [...document.querySelectorAll('shouyue-badge')];
      return b.length === n && b.every((x) => !x.shadowRoot?.querySelector('button.s-waiting'));
    },
    rows,
    { timeout: 60_000, polling: 100 },
  );
  const badged = await page.evaluate(() => Math.round(performance.now()));
  console.log(`${rows} rows: page load ended at ${loaded} ms, all badged with verdicts at ~${badged} ms (${Date.now() - t0} ms after load)`);
  // Re-render 50 rows (a filter or page turn in a real SPA) and time until they are badged again.
  const cdp = process.env.PROFILE ? await context.newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  // A string, not a function: tsx's name helpers do not exist in the page.
  const rerender = await page.evaluate(`(async () => {
    const list = document.querySelector('[data-fx-list]');
    const fresh = [...document.querySelector('template[data-fx-view="all:1"]').content.children].slice(0, 150);
    const rows = [...list.querySelectorAll(':scope > tr')].slice(0, 150);
    const start = performance.now();
    rows.forEach((tr, i) => tr.replaceWith(fresh[i].cloneNode(true)));
    const done = () => [...list.querySelectorAll('shouyue-badge')].filter((b) => b.shadowRoot && !b.shadowRoot.querySelector('button.s-waiting')).length >= ${rows};
    await new Promise((resolve) => {
      const check = () => (done() ? resolve() : setTimeout(check, 20));
      setTimeout(check, 20);
    });
    return Math.round(performance.now() - start);
  })()`);
  console.log(`re-rendered the first 150 rows (about 50 orders): badged again after ${rerender} ms`);
  if (cdp) {
    await page.waitForTimeout(3000);
    const { profile } = await cdp.send('Profiler.stop');
    const dt = profile.timeDeltas ?? [];
    const self = new Map<number, number>();
    profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
    const byFn = new Map<string, number>();
    for (const n of profile.nodes) {
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0) / 1000);
    }
    console.log([...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
  }
  const long = await page.evaluate(() => (window as unknown as { __long: { start: number; duration: number }[] }).__long);
  console.log('long tasks (start ms, duration ms):', JSON.stringify(long));
} finally {
  await context.close();
}
