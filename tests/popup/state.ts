import type { PopupItem, PlatformSummary } from '@/utils/background/schemas';
import type { PopupStateReply } from '@/utils/messages';
import { PLATFORMS } from '@/policies/platforms';

export const NOW = Date.parse('2025-06-18T10:00:00+08:00');
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export function item(over: Partial<PopupItem> & Pick<PopupItem, 'orderId' | 'state'>): PopupItem {
  const platform = over.platform ?? 'douyin';
  const ruleId = over.ruleId ?? `${platform === 'alibaba1688' ? '1688' : platform}.ship`;
  const timeLeftMs = over.timeLeftMs ?? 0;
  return {
    platform,
    ruleId,
    versionId: `${ruleId}@base`,
    clock: 'ship',
    informational: false,
    deadline: NOW + timeLeftMs,
    timeLeftMs,
    deadlineSource: 'platform',
    key: `${platform}:${over.orderId}:${ruleId}:`,
    subOrderCount: 1,
    readAt: NOW,
    ...over,
  };
}

export function reply(items: PopupItem[], over: Partial<PopupStateReply> = {}, platforms: Partial<PlatformSummary>[] = []): PopupStateReply {
  return {
    ok: true,
    now: NOW,
    lang: 'zh',
    staleAfterMs: 3 * HOUR,
    items,
    problems: {},
    platforms: PLATFORMS.map((platform) => ({
      platform,
      enabled: true,
      orders: items.filter((i) => i.platform === platform).length,
      counts: {},
      ...platforms.find((p) => p.platform === platform),
    })),
    ...over,
  };
}
