/**
 * Renders the extension icon (a red seal with 守 on a shield) at every size the stores need and
 * writes public/icon/<size>.png. Run once after changing the mark: `npx tsx tests/e2e/tools/icons.ts`.
 * Rendered by real Chromium so the glyph uses the same CJK font the screenshots use.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../harness/browsers';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** Small sizes drop the inner ring: at 16 px only the shield and the glyph stay readable. */
function markSvg(size: number): string {
  const ring = size >= 48
    ? '<path d="M64 16 L104 30 V62 C104 88 86 104 64 114 C42 104 24 88 24 62 V30 Z" fill="none" stroke="#fff" stroke-width="4" stroke-opacity="0.85"/>'
    : '';
  const fontSize = size >= 48 ? 62 : 74;
  const y = size >= 48 ? 86 : 92;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <path d="M64 4 L116 22 V62 C116 96 94 116 64 126 C34 116 12 96 12 62 V22 Z" fill="#c8102e"/>
  ${ring}
  <text x="64" y="${y}" text-anchor="middle" font-family="WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"
    font-weight="700" font-size="${fontSize}" fill="#fff">守</text>
</svg>`;
}

async function main(): Promise<void> {
  const outDir = resolve(import.meta.dirname, '../../../public/icon');
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<body style="margin:0;background:transparent">${markSvg(size)}</body>`);
      await page.locator('svg').screenshot({ path: resolve(outDir, `${size}.png`), omitBackground: true });
    }
  } finally {
    await browser.close();
  }
  console.log(`icons written to ${outDir}`);
}

await main();
