import { readFileSync } from 'node:fs';
import { translator, type Lang } from '@/utils/i18n';
import { CATALOG } from '../catalog';
import { InstantSchema } from '../instant';
import { DEFAULT_ENGINE_SETTINGS } from '../settings';
import { cliMessages } from './messages';
import { checkRecords, renderJson, renderTable } from './report';

/**
 * npm run check -- <orders.json> [--now 2024-03-18T10:00:00+08:00] [--json] [--lang zh|en]
 * Exit codes: 0 every record valid, 1 some records rejected (the rest still evaluated),
 * 2 usage error or unreadable file.
 */

interface Args {
  path?: string;
  now?: string;
  json: boolean;
  lang: string;
}

function parseArgs(argv: string[]): Args | { error: string; arg?: string } {
  const args: Args = { json: false, lang: 'zh' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--json') args.json = true;
    else if (flag === '--now') args.now = value();
    else if (flag === '--lang') args.lang = value() ?? '';
    else if (!flag.startsWith('--') && args.path === undefined) args.path = flag;
    else return { error: 'error.arg', arg: a };
  }
  return args;
}

function main(argv: string[]): number {
  const parsed = parseArgs(argv);
  const lang: Lang = 'lang' in parsed && parsed.lang === 'en' ? 'en' : 'zh';
  const t = translator(cliMessages, lang);
  const fail = (message: string) => {
    console.error(message);
    console.error(t('usage'));
    return 2;
  };
  if ('error' in parsed) return fail(t('error.arg', { arg: parsed.arg ?? '' }));
  if (parsed.lang !== 'zh' && parsed.lang !== 'en') return fail(t('error.lang'));
  if (!parsed.path) return fail(t('usage'));

  let now = Date.now();
  if (parsed.now !== undefined) {
    const instant = InstantSchema.safeParse(/^\d+$/.test(parsed.now) ? Number(parsed.now) : parsed.now);
    if (!instant.success) return fail(t('error.now'));
    now = instant.data;
  }

  let text: string;
  try {
    text = readFileSync(parsed.path, 'utf8');
  } catch (e) {
    return fail(t('error.read', { path: parsed.path, reason: (e as Error).message }));
  }
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (e) {
    return fail(t('error.json', { path: parsed.path, reason: (e as Error).message }));
  }
  if (!Array.isArray(records)) return fail(t('error.array', { path: parsed.path }));

  const report = checkRecords(records, CATALOG, now, DEFAULT_ENGINE_SETTINGS);
  console.log(parsed.json ? renderJson(report) : renderTable(report, CATALOG, lang));
  return report.rejected.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
