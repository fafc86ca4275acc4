import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH } from './browsers';
import { CHROME_BUILD } from './paths';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The current service worker (a new handle after each restart). */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Flags from E2E.md: load only our extension, and keep Chromium from calling home on its own. */
function launchArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/** Chromium with the built extension installed, in a throw-away profile. */
export async function launchWithExtension(
  opts: { headless?: boolean; extensionDir?: string; viewport?: { width: number; height: number } | null } = {},
): Promise<ExtensionSession> {
  const extensionDir = opts.extensionDir ?? CHROME_BUILD;
  const profile = await mkdtemp(join(tmpdir(), 'shouyue-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    args: launchArgs(extensionDir),
    // Chromium on Linux takes its UI language (chrome.i18n) from the environment, not from --lang.
    env: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: opts.viewport === undefined ? { width: 1280, height: 900 } : opts.viewport,
  });
  const extensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://');
  const first = context.serviceWorkers().find(extensionWorker) ?? (await context.waitForEvent('serviceworker', { predicate: extensionWorker }));
  const extensionId = new URL(first.url()).host;
  return {
    context,
    extensionId,
    async worker() {
      const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return live ?? context.waitForEvent('serviceworker', { predicate: extensionWorker });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the popup as a tab sized like the real popup. */
export async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return page;
}

/**
 * Stops the extension's service worker as Chrome does when it idles (CDP ServiceWorker domain) and
 * waits until it is stopped. The next event (a message, an alarm, the popup) starts a fresh one;
 * the old Playwright handle then evaluates in the new worker.
 */
export async function stopServiceWorker(session: ExtensionSession): Promise<void> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const scope = `chrome-extension://${session.extensionId}/`;
  try {
    let resolveStopped!: () => void;
    const stopped = new Promise<void>((r) => (resolveStopped = r));
    const ours = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(scope)) ours.set(v.versionId, v.runningStatus);
      if (ours.size > 0 && [...ours.values()].every((s) => s === 'stopped')) resolveStopped();
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach();
    await page.close();
  }
}
