import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, catalogSettings } from '@/policies/catalog';
import { RuleSchema } from '@/policies/rule';

const SEEDS = resolve(__dirname, '../../../shared/seeds');

/** Seed text without whitespace, punctuation or the pinyin glosses seed 001 carries (`發(fā)`). */
function normalize(text: string): string {
  return text
    .replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

describe('the rule catalog', () => {
  it('has unique ids and validates against the rule schema', () => {
    const ids = CATALOG.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of CATALOG) expect(RuleSchema.safeParse(rule).success).toBe(true);
  });

  it('holds every rule of RULES.md', () => {
    const ids = new Set(CATALOG.map((r) => r.id));
    for (const id of [
      'douyin.ship',
      'douyin.same-day',
      'douyin.ship-24h',
      'douyin.pickup',
      'douyin.hub',
      'douyin.tracking-update',
      'douyin.after-sales',
      'douyin.service-ticket',
      'douyin.return-7d',
      'douyin.fresh-spoilage',
      'douyin.cosmetics-allergy',
      'douyin.return-address',
      'douyin.filing',
      'kuaishou.pet-confirm',
      'kuaishou.pet-delivery-standard',
      'kuaishou.pet-cancel-before-ship',
      'kuaishou.pet-delivery-7d',
      'kuaishou.tracking-stall',
      '1688.ship',
      '1688.reply-3min',
      '1688.service-scores',
      'tmall.allergy-return',
      'tmall.diaper-rash',
      'tmall.damage-return',
      'tmall.brand-authorisation',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('keeps versions in date order and buyer windows informational', () => {
    for (const rule of CATALOG) {
      const days = rule.versions.map((v) => v.effectiveFrom ?? '');
      expect([...days].sort(), rule.id).toEqual(days);
      expect(rule.informational, rule.id).toBe(rule.clock === 'buyer-window');
    }
  });

  it('has 1688 shipping in seven versions, with money stated from 2023-06-07', () => {
    const ship = CATALOG.find((r) => r.id === '1688.ship')!;
    expect(ship.versions.map((v) => v.effectiveFrom)).toEqual([
      '2022-10-18',
      '2023-02-21',
      '2023-06-07',
      '2023-09-12',
      '2023-12-27',
      '2024-03-14',
      '2025-02-18',
    ]);
    expect(ship.versions[0]!.money).toBeUndefined();
    expect(ship.versions[2]!.money).toEqual({ perMainOrderYuan: 50 });
  });

  it.runIf(existsSync(SEEDS))('quotes each seed it cites', () => {
    for (const rule of CATALOG) {
      if (rule.source.kind !== 'seed') continue;
      const seed = normalize(readFileSync(resolve(SEEDS, rule.source.file), 'utf8'));
      const section = normalize(rule.source.section);
      // At least one 10-character run of the cited section appears verbatim in the seed.
      const runs = Array.from({ length: Math.max(1, section.length - 9) }, (_, i) => section.slice(i, i + 10));
      expect(
        runs.some((run) => seed.includes(run)),
        `${rule.id} cites ${rule.source.file}: ${rule.source.section}`,
      ).toBe(true);
    }
  });
});

describe('named settings', () => {
  const settings = catalogSettings(CATALOG);

  it('lists each unverified number once, with a source and a default inside its range', () => {
    const ids = settings.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of settings) {
      expect(s.verified, s.id).toBe(false);
      expect(s.source.length, s.id).toBeGreaterThan(10);
      expect(s.value).toBeGreaterThanOrEqual(s.min);
      expect(s.value).toBeLessThanOrEqual(s.max);
    }
    expect(ids).toEqual(
      expect.arrayContaining([
        'douyin.defaultShipHours',
        'douyin.sameDayCutoffHour',
        'douyin.afterSalesHours',
        'douyin.serviceTicketHours',
        'kuaishou.defaultShipHours',
        'kuaishou.petDeliveryFrom',
        'alibaba1688.defaultShipHours',
        'alibaba1688.compensationCapYuan',
        'tmallGlobal.defaultShipHours',
      ]),
    );
    expect(settings.find((s) => s.id === 'douyin.sameDayCutoffHour')?.value).toBe(16);
    expect(settings.find((s) => s.id === 'douyin.defaultShipHours')?.value).toBe(48);
  });
});
