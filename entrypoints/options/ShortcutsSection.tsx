import { useState } from 'preact/hooks';
import { describeError } from '../../common/describe-error';
import { t } from '../../common/i18n';
import {
  openShortcutSettings,
  ShortcutList,
  useShortcuts,
} from '../../components/KeyboardShortcuts';

/** The browser's current keys for our commands, and its page for changing them. */
export function ShortcutsSection() {
  const shortcuts = useShortcuts();
  const [error, setError] = useState('');
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('keysHeading')}</h2>
      <ShortcutList shortcuts={shortcuts} />
      <p class="hint" id="keys-hint">
        {t('keysChangeHint')}
      </p>
      <button
        type="button"
        aria-describedby="keys-hint"
        onClick={() =>
          void openShortcutSettings().catch((err: unknown) => setError(describeError(err)))
        }
      >
        {t('keysChange')}
      </button>
      <p role="status">{error}</p>
    </section>
  );
}
