import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = 'tests/fixtures/orders.sample.json';
const INVALID = 'tests/fixtures/orders.invalid.json';
const NOW = '2024-06-03T10:00:00+08:00';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the CLI as `npm run check` does (tsx), in a given process time zone. */
function check(args: string[], tz = 'America/Los_Angeles'): Promise<Run> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'policies/cli/check.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, TZ: tz },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', failed);
    child.on('close', (code) => done({ code, out, err }));
  });
}

const BAD_ARGS = [[], [SAMPLE, '--now', '2024-06-03 10:00', '--lang', 'fr'], ['no/such/file.json'], ['package.json']];
let runs: Record<'zh' | 'zhKiritimati' | 'en' | 'json' | 'invalid' | 'invalidJson', Run>;
let bad: Run[];

beforeAll(async () => {
  // All runs at once: each pays tsx's start-up, so in parallel they take the time of a few.
  const [zh, zhKiritimati, en, json, invalid, invalidJson, ...rest] = await Promise.all([
    check([SAMPLE, '--now', NOW]),
    check([SAMPLE, '--now', NOW], 'Pacific/Kiritimati'),
    check([SAMPLE, '--now', NOW, '--lang', 'en']),
    check([SAMPLE, '--now', NOW, '--json'], 'UTC'),
    check([INVALID, '--now', NOW]),
    check([INVALID, `--now=${NOW}`, '--json']),
    ...BAD_ARGS.map((a) => check(a)),
  ]);
  runs = { zh: zh!, zhKiritimati: zhKiritimati!, en: en!, json: json!, invalid: invalid!, invalidJson: invalidJson! };
  bad = rest;
}, 600_000);

describe('npm run check', () => {
  it('prints the at-risk clocks of the sample as a table sorted by time left, exit 0', () => {
    const { code, out } = runs.zh;
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('2024-06-03 10:00（中国时间）共 11 单，11 项有风险：');
    const rows = lines.slice(2, 13);
    // Most overdue first, latest deadline last.
    expect(rows[0]).toMatch(/^抖店\s+DY6920003\s+揽收时效\s+已超时\s+揽收 已超时 3小时\s+2024-06-03 07:00/);
    expect(rows.at(-1)).toMatch(/KS3310001\s+宠物活体7天内完成配送.*（自付款起算）\s+2024-06-04 15:00/);
    const deadlines = rows.map((r) => r.match(/2024-06-0\d \d\d:\d\d/)![0]);
    expect([...deadlines].sort()).toEqual(deadlines);
    expect(out).toMatch(/1688\s+AL8800001\s+发货时效（承诺发货时间）.*50元/);
    expect(out).toMatch(/DY6920001\s+发货时效\s+紧急\s+发货 剩 2小时\s+2024-06-03 12:00\s+平台时限/);
    // The filed order (new deadline tomorrow) is not at risk.
    expect(out).not.toMatch(/DY6920005\s+发货/);
  });

  it('prints the same China times whatever the computer’s time zone', () => {
    const a = runs.zh.out;
    const b = runs.zhKiritimati.out;
    expect(a).toBe(b);
    expect(a).toContain('2024-06-03 12:00');
  });

  it('speaks English with --lang en', () => {
    const { code, out } = runs.en;
    expect(code).toBe(0);
    expect(out).toContain('2024-06-03 10:00 (China time), 11 orders, 11 at risk:');
    expect(out).toMatch(/Douyin\s+DY6920003\s+Carrier pickup scan\s+Overdue\s+Pickup 3h overdue/);
    expect(out).toContain('Delivery 1d 5h left (counted from payment)');
  });

  it('prints JSON with --json', () => {
    const { code, out } = runs.json;
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.now).toBe('2024-06-03T02:00:00.000Z');
    expect(report.rejected).toEqual([]);
    expect(report.atRisk).toHaveLength(11);
    expect(report.atRisk[0]).toMatchObject({ orderId: 'DY6920003', ruleId: 'douyin.pickup', state: 'breached', timeLeftMs: -3 * 3_600_000 });
    expect(report.summary.byPlatform.kuaishou.breached).toBe(1);
  });

  it('lists invalid records by index with field and reason, still evaluates the rest, exits 1', () => {
    const { code, out } = runs.invalid;
    expect(code).toBe(1);
    expect(out).toContain('共 2 单');
    expect(out).toContain('4 条记录无效（未参与计算）：');
    expect(out).toMatch(/#1 orderId：/);
    expect(out).toMatch(/#2 timeline\.paidAt：/);
    expect(out).toMatch(/#3 platform：/);
    expect(out).toMatch(/#4 （整条记录）：/);
    expect(out).toMatch(/AL-OK-2\s+发货时效/);
    expect(out).not.toContain('should never be stored');

    expect(runs.invalidJson.code).toBe(1);
    const json = JSON.parse(runs.invalidJson.out);
    expect(json.rejected.map((r: { index: number; field: string }) => [r.index, r.field])).toEqual([
      [1, 'orderId'],
      [2, 'timeline.paidAt'],
      [3, 'platform'],
      [4, ''],
    ]);
  });

  it('fails with exit 2 and the usage on bad arguments or files', () => {
    BAD_ARGS.forEach((args, i) => {
      expect(bad[i]!.code, args.join(' ')).toBe(2);
      expect(bad[i]!.err).toContain('npm run check --');
      expect(bad[i]!.out).toBe('');
    });
  });
});
