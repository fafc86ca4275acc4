// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/options/App';
import { createOptionsStore, type OptionsDeps } from '@/components/options/store';
import { CATALOG, catalogSettings } from '@/policies/catalog';
import type { ExtensionPageMessage } from '@/utils/messages';
import { DEFAULT_SETTINGS, type ExtensionSettings } from '@/utils/settings';

afterEach(cleanup);

function setup(stored: unknown = null, reply: unknown = { ok: true }) {
  const saved: ExtensionSettings[] = [];
  const sent: ExtensionPageMessage[] = [];
  const deps: OptionsDeps = {
    load: async () => stored,
    save: async (s) => void saved.push(s),
    send: async (m) => {
      sent.push(m);
      return reply;
    },
  };
  render(<OptionsApp store={createOptionsStore(deps)} />);
  return { saved, sent, last: () => saved.at(-1) };
}

describe('options page', () => {
  it('edits thresholds, saving only valid values', async () => {
    const user = userEvent.setup();
    const { saved, last } = setup();
    const section = within((await screen.findByText('提醒阈值')).closest('section')!);
    const [dueFraction] = section.getAllByLabelText('时限的百分比');
    await user.clear(dueFraction!);
    await user.type(dueFraction!, '30');
    expect(last()?.thresholds.dueSoonFraction).toBe(0.3);
    const count = saved.length;
    await user.clear(dueFraction!);
    await user.type(dueFraction!, '130');
    expect(section.getByRole('alert').textContent).toMatch(/0–100/);
    expect(saved.slice(count).every((s) => s.thresholds.dueSoonFraction <= 1)).toBe(true);
  });

  it('turns platforms off and mutes notifications per platform', async () => {
    const user = userEvent.setup();
    const { last, sent } = setup();
    const platforms = within((await screen.findByText('平台', { selector: 'h2' })).closest('section')!);
    await user.click(platforms.getByLabelText('快手小店'));
    expect(last()?.enabledPlatforms).not.toContain('kuaishou');
    // Each save is followed by word to the background, which recomputes with the new settings.
    expect(sent).toEqual([{ type: 'settings-changed' }]);
    await user.click(platforms.getByLabelText('快手小店'));
    expect(last()?.enabledPlatforms).toEqual(DEFAULT_SETTINGS.enabledPlatforms);

    const notify = within(screen.getByText('通知', { selector: 'h2' }).closest('section')!);
    await user.click(notify.getByLabelText('抖店'));
    expect(last()?.notifications.mutedPlatforms).toEqual(['douyin']);
    await user.click(notify.getByLabelText('免打扰时段'));
    expect(last()?.notifications.quietHours).toEqual({ enabled: true, startMinute: 22 * 60, endMinute: 8 * 60 });
    expect(notify.getByText(/按你这台电脑的本地时间/)).toBeTruthy();
  });

  it('sets shop promises and the catalog named settings, marking unverified ones with their source', async () => {
    const user = userEvent.setup();
    const { last } = setup();
    await user.click(await screen.findByLabelText(/当日发：/));
    expect(last()?.shopPromises.sameDayShip).toBe(true);
    const named = catalogSettings(CATALOG);
    const cap = named.find((s) => s.id === 'alibaba1688.compensationCapYuan')!;
    const block = within(document.querySelector(`[data-setting="${cap.id}"]`) as HTMLElement);
    expect(block.getByText('未证实')).toBeTruthy();
    expect(block.getByText(new RegExp(`来源：${cap.source.slice(0, 10)}`))).toBeTruthy();
    const input = block.getByRole('spinbutton');
    await user.clear(input);
    await user.type(input, '80');
    expect(last()?.ruleParams[cap.id]).toBe(80);
    await user.click(block.getByRole('button', { name: '恢复默认' }));
    expect(last()?.ruleParams).toEqual({});
    // every named setting the catalog declares is editable on the page
    for (const s of named) expect(document.querySelector(`[data-setting="${s.id}"]`)).not.toBeNull();
  });

  it('switches the whole page to English', async () => {
    const user = userEvent.setup();
    setup();
    await user.selectOptions(await screen.findByLabelText('界面语言'), 'en');
    expect(screen.getByText('Warning thresholds')).toBeTruthy();
    expect(screen.getByText('Rule catalog')).toBeTruthy();
  });

  it('loads stored settings, falling back per field when one is damaged', async () => {
    setup({ ...DEFAULT_SETTINGS, retentionDays: 7, lang: 'klingon' });
    const retention = await screen.findByLabelText('保留天数');
    expect((retention as HTMLInputElement).value).toBe('7');
  });

  it('deletes all data only after confirmation', async () => {
    const user = userEvent.setup();
    const { sent } = setup();
    await user.click(await screen.findByRole('button', { name: '删除所有数据' }));
    expect(sent).toEqual([]);
    await user.click(screen.getByRole('button', { name: '取消' }));
    await user.click(screen.getByRole('button', { name: '删除所有数据' }));
    await user.click(screen.getByRole('button', { name: '确定删除' }));
    expect(sent).toEqual([{ type: 'delete-all-data' }]);
    expect(await screen.findByText('所有数据已删除')).toBeTruthy();
  });

  it('says so when deleting fails', async () => {
    const user = userEvent.setup();
    setup(null, { ok: false, error: 'storage unavailable' });
    await user.click(await screen.findByRole('button', { name: '删除所有数据' }));
    await user.click(screen.getByRole('button', { name: '确定删除' }));
    expect((await screen.findByRole('alert')).textContent).toBe('删除失败：storage unavailable');
  });

  it('browses the rule catalog with sources, versions and consequences', async () => {
    const user = userEvent.setup();
    setup();
    const catalog = within((await screen.findByText('规则目录')).closest('section')!);
    expect(catalog.getByText(`${CATALOG.length} 条规则`)).toBeTruthy();
    await user.click(catalog.getByRole('radio', { name: '1688' }));
    const rules1688 = CATALOG.filter((r) => r.platform === 'alibaba1688');
    expect(catalog.getByText(`${rules1688.length} 条规则`)).toBeTruthy();
    const ship = rules1688.find((r) => r.id === '1688.ship')!;
    const card = within(document.querySelector('[data-rule="1688.ship"]') as HTMLElement);
    expect(card.getByText(ship.consequence.zh)).toBeTruthy();
    expect(card.getAllByRole('listitem')).toHaveLength(ship.versions.length);
    for (const v of ship.versions.filter((v) => v.effectiveFrom)) expect(card.getByText(new RegExp(`${v.effectiveFrom} 起`))).toBeTruthy();
  });
});
