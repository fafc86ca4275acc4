import type { Verdict } from '@/policies/verdict';
import { checkOrders } from '@/utils/background/validate';
import type { IncomingMessage, VerdictsReply } from '@/utils/messages';
import { NOW } from './helpers';

const HOUR = 3_600_000;

/**
 * A background that checks each order as the real one does (`checkOrders`) and answers every order
 * it takes with one running ship clock 5 hours out, naming those it rejects.
 */
export function fakeBackground() {
  const messages: IncomingMessage[] = [];
  let lang: 'zh' | 'en' = 'zh';
  const verdict = (orderId: string): Verdict => ({
    platform: 'douyin', orderId, ruleId: 'douyin.ship', versionId: 'douyin.ship@base', clock: 'ship', state: 'running',
    informational: false, deadline: NOW + 5 * HOUR, timeLeftMs: 5 * HOUR, windowMs: 48 * HOUR, deadlineSource: 'platform',
  });
  const send = async (m: IncomingMessage): Promise<VerdictsReply> => {
    messages.push(m);
    const checked = m.type === 'page-read' ? checkOrders(m.orders, m.platform) : undefined;
    const ids = m.type === 'verdicts' ? m.orderIds : (checked?.orders ?? []).map((o) => o.orderId);
    const thresholds = { dueSoonFraction: 0.25, dueSoonFloorMinutes: 120, criticalFraction: 0.1, criticalFloorMinutes: 30 };
    return { ok: true, now: NOW, lang, thresholds, verdicts: ids.map(verdict), ...(checked?.rejected.length && { rejected: checked.rejected }) };
  };
  return { messages, send, setLang: (l: 'zh' | 'en') => (lang = l) };
}
