import type { Verdict } from '@/policies/verdict';
import type { IncomingMessage, VerdictsReply } from '@/utils/messages';
import { NOW } from './helpers';

const HOUR = 3_600_000;

/** A background that answers every order with one running ship clock 5 hours out. */
export function fakeBackground() {
  const messages: IncomingMessage[] = [];
  let lang: 'zh' | 'en' = 'zh';
  const verdict = (orderId: string): Verdict => ({
    platform: 'douyin', orderId, ruleId: 'douyin.ship', versionId: 'douyin.ship@base', clock: 'ship', state: 'running',
    informational: false, deadline: NOW + 5 * HOUR, timeLeftMs: 5 * HOUR, windowMs: 48 * HOUR, deadlineSource: 'platform',
  });
  const send = async (m: IncomingMessage): Promise<VerdictsReply> => {
    messages.push(m);
    const ids = m.type === 'page-read' ? m.orders.map((o) => o.orderId) : m.orderIds;
    return { ok: true, now: NOW, lang, thresholds: { dueSoonFraction: 0.25, dueSoonFloorMinutes: 120, criticalFraction: 0.1, criticalFloorMinutes: 30 }, verdicts: ids.map(verdict) };
  };
  return { messages, send, setLang: (l: 'zh' | 'en') => (lang = l) };
}
