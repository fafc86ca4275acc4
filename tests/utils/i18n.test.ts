import { describe, expect, it } from 'vitest';
import { defineMessages, format, translator } from '@/utils/i18n';

describe('format', () => {
  it('fills every placeholder, repeated ones too', () => {
    expect(format('{a} 与 {b}，再说 {a}', { a: '甲', b: 2 })).toBe('甲 与 2，再说 甲');
  });

  it('leaves a placeholder without a value as written, and a template without any untouched', () => {
    expect(format('订单 {id}：{text}', { id: 'A1' })).toBe('订单 A1：{text}');
    expect(format('守约 …')).toBe('守约 …');
  });

  it('puts values in as text, never expanding braces inside them', () => {
    expect(format('{a}{b}', { a: '{b}', b: '<img src=x>' })).toBe('{b}<img src=x>');
  });

  it('gives the same words on every call with the same template (split once, reused)', () => {
    const t = translator(defineMessages({ k: '剩 {h}小时' }, { k: '{h} h left' }), 'en');
    expect([t('k', { h: 3 }), t('k', { h: 4 }), t('k', { h: 3 })]).toEqual(['3 h left', '4 h left', '3 h left']);
  });
});
