import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/App';
import { createOptionsStore } from '@/components/options/store';
import '@/components/common/base.css';
import '@/components/options/options.css';

createRoot(document.getElementById('root')!).render(<OptionsApp store={createOptionsStore()} />);
