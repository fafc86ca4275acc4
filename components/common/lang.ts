import { commonMessages } from './messages';
import { translator, type Lang } from '@/utils/i18n';
import type { Platform } from '@/policies/platforms';

export function platformName(platform: Platform, lang: Lang): string {
  return translator(commonMessages, lang)(`platform.${platform}`);
}
