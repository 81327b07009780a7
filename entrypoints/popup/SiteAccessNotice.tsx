import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_MATCHES } from '../../common/extension-ids';
import { t } from '../../common/i18n';

type Access = 'unknown' | 'granted' | 'missing' | 'just-granted';

/**
 * Firefox lets a person withhold or revoke the extension's access to websites; then the content
 * script never runs and nothing is marked. Say so, and offer the browser's own permission prompt.
 */
export function SiteAccessNotice() {
  const [access, setAccess] = useState<Access>('unknown');

  useEffect(() => {
    // Behind a resolved promise: an API that is missing throws instead of rejecting.
    Promise.resolve()
      .then(() => browser.permissions.contains({ origins: CONTENT_SCRIPT_MATCHES }))
      .then(
        (granted) => setAccess(granted ? 'granted' : 'missing'),
        () => setAccess('unknown'),
      );
  }, []);

  const request = async () => {
    // Must run in the click's user gesture: no await before it.
    const granted = await browser.permissions
      .request({ origins: CONTENT_SCRIPT_MATCHES })
      .catch(() => false);
    if (granted) setAccess('just-granted');
  };

  if (access === 'just-granted') {
    return (
      <p class="notice" role="status">
        {t('accessGranted')}
      </p>
    );
  }
  if (access !== 'missing') return null;
  return (
    <p class="notice" role="status">
      {t('accessMissing')}{' '}
      <button type="button" class="link-button" onClick={() => void request()}>
        {t('accessAllow')}
      </button>
    </p>
  );
}
