import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchCallPage } from '../utils/call-page';
import { allMatchPatterns } from '../utils/platforms';

export default defineContentScript({
  matches: allMatchPatterns(),
  runAt: 'document_end',
  // WXT's extra window.postMessage would hand every call page a message naming Attune's id, and cost it a task.
  noScriptStartedPostMessage: true,
  main: (ctx) => watchCallPage(ctx),
});
