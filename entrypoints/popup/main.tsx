import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/App';
import { createPopupStore } from '@/components/popup/store';
import '@/components/common/base.css';
import '@/components/popup/popup.css';

createRoot(document.getElementById('root')!).render(<PopupApp store={createPopupStore()} />);
