import { observerScript } from '@/utils/page-data/observer-script';

export default defineContentScript(observerScript('tmallGlobal'));
