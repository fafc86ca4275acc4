/**
 * `npm run bench` — measures the engine, the json-rules-engine peer, the page and the bundle, prints
 * tables and writes JSON to tests/bench/results/. Not part of the test command.
 *
 *   npm run bench                          everything
 *   npm run bench -- --only engine,peer    some sections (engine, peer, page, bundle)
 *   npm run bench -- --sizes 1000,10000    engine sizes (default 1000,10000,100000)
 *   npm run bench -- --only page --profile the page's CPU profile per phase (unminified build)
 *   npm run bench -- --only page --rounds 0 the page's first read only (default: 14 rounds per change kind)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildExtension } from '../manifest/build';
import { measureBundle } from './bundle';
import { describeMachine } from './machine';
import { fmt, table } from './stats';

const SECTIONS = ['engine', 'peer', 'page', 'bundle'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: SECTIONS.join(',') },
    sizes: { type: 'string', default: '1000,10000,100000' },
    profile: { type: 'boolean', default: false },
    rounds: { type: 'string' },
  },
});
const only = new Set(values.only.split(',') as Section[]);
const sizes = values.sizes.split(',').map(Number);

const results: Record<string, unknown> = { date: new Date().toISOString(), machine: describeMachine() };
const print = (title: string, body: string) => console.log(`\n## ${title}\n\n${body}`);

const kb = (b: number) => fmt(b / 1024, 1);

async function main() {
  console.log(`machine: ${JSON.stringify(results.machine)}`);
  let buildDir: string | undefined;
  const extension = () => {
    buildDir ??= mkdtempSync(join(tmpdir(), 'shouyue-bench-'));
    return join(buildDir, 'chrome-mv3');
  };
  try {
    if (only.has('engine') || only.has('peer')) {
      const { benchEngine } = await import('./engine-bench');
      const engine = await benchEngine(sizes, only.has('peer'));
      results.engine = engine;
      print('Engine', engine.table);
      if (engine.peerTable) print('Engine vs json-rules-engine', engine.peerTable);
    }
    if (values.profile) process.env.SHOUYUE_MINIFY = '0';
    if (only.has('bundle') || only.has('page')) buildExtension('chrome-mv3', join(extension(), '..'));
    if (only.has('bundle')) {
      const rows = measureBundle(extension());
      results.bundle = rows;
      print(
        'Bundle (chrome-mv3 production build; gzip -9 per file)',
        table(
          ['entry', 'kind', 'files', 'raw KB', 'gzip KB', 'goal'],
          rows.map((r) => [
            r.entry,
            r.kind,
            r.files.length,
            kb(r.rawBytes),
            kb(r.gzipBytes),
            r.kind === 'content-script' ? (r.gzipBytes < 60 * 1024 ? 'met (<60)' : 'MISSED (<60)') : '',
          ]),
        ),
      );
    }
    if (only.has('page')) {
      const { benchPage } = await import('./page-bench');
      const page = await benchPage(extension(), values.profile, values.rounds === undefined ? undefined : Number(values.rounds));
      results.page = page;
      print('Page (headless Chromium, 1,000 rows)', page.table);
      for (const [phase, top] of Object.entries(page.profiles ?? {})) print(`Profile: ${phase}`, top);
    }
  } finally {
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  }
  const dir = resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(results, (k, v) => (k === 'table' || k === 'peerTable' ? undefined : v), 2);
  writeFileSync(join(dir, `${String(results.date).replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(join(dir, 'latest.json'), json);
  console.log(`\nresults: ${join(dir, 'latest.json')}`);
}

await main();
