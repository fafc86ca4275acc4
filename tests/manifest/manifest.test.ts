import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_PAGES } from '@/policies/platforms';
import { buildExtension, type Target } from './build';

/**
 * The built manifests ask for nothing beyond the documented set:
 * - storage (orders and settings), alarms (wake at the next deadline), notifications (critical/breached);
 * - the merchant back offices of PLATFORM_PAGES, and nothing else (no <all_urls>, no wildcard hosts).
 * And they declare no content security policy weaker than the browser's default.
 */
const ALLOWED_PERMISSIONS = new Set(['storage', 'alarms', 'notifications']);
const ALLOWED_HOSTS = new Set(Object.values(PLATFORM_PAGES).flatMap((p) => p.matches));
const MATCH_PATTERN = /^[a-z*-]+:\/\//;

interface Manifest {
  manifest_version: 2 | 3;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; exclude_matches?: string[] }[];
  web_accessible_resources?: (string | { resources: string[]; matches?: string[] })[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  externally_connectable?: unknown;
  sandbox?: unknown;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: unknown } };
}

/** Sources a script-src/object-src may list without being weaker than the default policy. */
const SAFE_SOURCES: Record<string, Set<string>> = {
  'script-src': new Set(["'self'", "'none'", "'wasm-unsafe-eval'"]),
  'object-src': new Set(["'self'", "'none'"]),
  'worker-src': new Set(["'self'", "'none'"]),
};

/** Reasons a declared CSP is weaker than MV2/MV3's default (`script-src 'self'; object-src 'self'`). */
function cspWeaknesses(csp: string): string[] {
  const problems: string[] = [];
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources] as const),
  );
  for (const [name, safe] of Object.entries(SAFE_SOURCES)) {
    for (const source of directives.get(name) ?? directives.get('default-src') ?? []) {
      if (!safe.has(source.toLowerCase())) problems.push(`${name} allows ${source}`);
    }
  }
  if (!directives.has('script-src') && !directives.has('default-src')) problems.push('no script-src');
  return problems;
}

function permissionProblems(m: Manifest): string[] {
  const problems: string[] = [];
  const all = [
    ...(m.permissions ?? []),
    ...(m.optional_permissions ?? []),
    ...(m.host_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
  ];
  for (const p of all) {
    const isHost = MATCH_PATTERN.test(p) || p === '<all_urls>';
    if (isHost ? !ALLOWED_HOSTS.has(p) : !ALLOWED_PERMISSIONS.has(p)) problems.push(`permission ${p}`);
  }
  for (const cs of m.content_scripts ?? []) {
    for (const host of cs.matches ?? []) if (!ALLOWED_HOSTS.has(host)) problems.push(`content script on ${host}`);
  }
  for (const war of m.web_accessible_resources ?? []) {
    if (typeof war === 'object') {
      for (const host of war.matches ?? []) if (!ALLOWED_HOSTS.has(host)) problems.push(`resources exposed to ${host}`);
    }
  }
  if (m.externally_connectable !== undefined) problems.push('externally_connectable');
  return problems;
}

function cspOf(m: Manifest): string[] {
  const csp = m.content_security_policy;
  if (csp === undefined) return [];
  if (typeof csp === 'string') return [csp];
  return [csp.extension_pages, csp.sandbox].filter((c): c is string => c !== undefined);
}

describe('policy checks (the checker itself)', () => {
  it('flags permissions beyond the documented set', () => {
    expect(
      permissionProblems({
        manifest_version: 3,
        permissions: ['storage', 'tabs'],
        host_permissions: ['<all_urls>', 'https://fxg.jinritemai.com/*'],
        content_scripts: [{ matches: ['https://*/*'] }],
      }),
    ).toEqual(['permission tabs', 'permission <all_urls>', 'content script on https://*/*']);
  });
  it('flags a CSP weaker than the default and accepts the default', () => {
    expect(cspWeaknesses("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'")).toEqual([]);
    expect(cspWeaknesses("script-src 'self' 'unsafe-eval' https://cdn.example; object-src 'self'")).toEqual([
      "script-src allows 'unsafe-eval'",
      'script-src allows https://cdn.example',
    ]);
    expect(cspWeaknesses("default-src *")).toContain('script-src allows *');
  });
});

const TARGETS: Target[] = ['chrome-mv3', 'firefox-mv2', 'firefox-mv3'];

describe.each(TARGETS)('built %s manifest', (target) => {
  const outDir = mkdtempSync(join(tmpdir(), 'shouyue-manifest-'));
  let manifest: Manifest;
  beforeAll(() => {
    manifest = JSON.parse(readFileSync(join(buildExtension(target, outDir), 'manifest.json'), 'utf8')) as Manifest;
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('asks only for the documented permissions and hosts', () => {
    expect(permissionProblems(manifest)).toEqual([]);
    expect(manifest.permissions).toEqual(expect.arrayContaining([...ALLOWED_PERMISSIONS]));
  });

  it('declares no content security policy weaker than the default', () => {
    expect(cspOf(manifest).flatMap(cspWeaknesses)).toEqual([]);
  });

  it('carries the add-on id and "collects no data" for Firefox only (Chrome warns on unknown keys)', () => {
    if (target.startsWith('firefox')) {
      expect(manifest.browser_specific_settings?.gecko).toEqual({
        id: 'shouyue@shouyue.app',
        data_collection_permissions: { required: ['none'] },
      });
    } else {
      expect(manifest.browser_specific_settings).toBeUndefined();
    }
  });
});
