/**
 * Asks for the marks' stylesheet while the page is still being parsed, when inserting it is cheap
 * (see request-early-styles.ts). Nothing else runs this early.
 */
import { CONTENT_SCRIPT_MATCHES } from '../../common/extension-ids';
import { requestEarlyStyles } from './request-early-styles';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main() {
    requestEarlyStyles();
  },
});
