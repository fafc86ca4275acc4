import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Raw and gzipped size of everything one entry point loads. */
export interface BundleRow {
  entry: string;
  kind: 'content-script' | 'background' | 'popup' | 'page';
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

const STATIC_IMPORT = /(?:import|export)\s*(?:[^"'();]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const HTML_ASSET = /(?:src|href)="(\/?[^"]+\.(?:js|css))"/g;

/** The files an entry pulls in: its own file plus static imports of chunks, transitively. */
function closure(root: string, first: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...first];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(join(root, file))) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    for (const m of readFileSync(join(root, file), 'utf8').matchAll(STATIC_IMPORT)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), m[1]!)));
    }
  }
  return [...seen].sort();
}

function row(root: string, entry: string, kind: BundleRow['kind'], files: string[]): BundleRow {
  const bytes = files.map((f) => readFileSync(join(root, f)));
  return {
    entry,
    kind,
    files,
    rawBytes: bytes.reduce((s, b) => s + b.length, 0),
    // Each file gzipped on its own (level 9), as a browser or store would fetch it.
    gzipBytes: bytes.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
  };
}

export function measureBundle(root: string): BundleRow[] {
  const rows: BundleRow[] = [];
  const csDir = join(root, 'content-scripts');
  if (existsSync(csDir)) {
    const names = new Set(readdirSync(csDir).map((f) => f.replace(/\.(js|css)$/, '')));
    for (const name of [...names].sort()) {
      const own = ['js', 'css'].map((ext) => `content-scripts/${name}.${ext}`);
      rows.push(row(root, name, 'content-script', closure(root, own)));
    }
  }
  if (existsSync(join(root, 'background.js'))) {
    rows.push(row(root, 'background', 'background', closure(root, ['background.js'])));
  }
  for (const html of readdirSync(root).filter((f) => f.endsWith('.html'))) {
    const assets = [...readFileSync(join(root, html), 'utf8').matchAll(HTML_ASSET)].map((m) =>
      m[1]!.replace(/^\//, ''),
    );
    const name = html.replace(/\.html$/, '');
    rows.push(row(root, name, name === 'popup' ? 'popup' : 'page', closure(root, [html, ...assets])));
  }
  return rows;
}
