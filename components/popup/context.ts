import { storeContext } from '@/components/common/store-context';
import { translator, type Lang } from '@/utils/i18n';
import { popupMessages } from './messages';
import type { PopupStore } from './store';

export const { StoreProvider: PopupStoreProvider, useSelect: usePopup } = storeContext<PopupStore>('popup');

export function useLang(): Lang {
  return usePopup((s) => s.data?.lang ?? 'zh');
}

export function useT() {
  return translator(popupMessages, useLang());
}
