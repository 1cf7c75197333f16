import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchCallPage } from '../utils/call-page';
import { allMatchPatterns } from '../utils/platforms';

export default defineContentScript({
  matches: allMatchPatterns(),
  runAt: 'document_idle',
  main: (ctx) => watchCallPage(ctx),
});
