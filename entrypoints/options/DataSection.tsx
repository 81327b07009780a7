import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../../common/describe-error';
import { interfaceLanguage, plural, t } from '../../common/i18n';
import { askBackground } from '../../common/messaging';
import type { DataStatus } from '../../common/protocol';

function versionText(status: DataStatus): string {
  return status.dataVersion ?? t('dataVersionNone');
}

export function DataSection() {
  const [status, setStatus] = useState<DataStatus | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    askBackground({ type: 'data-status' }).then(
      (value) => {
        if (live) setStatus(value);
      },
      (err: unknown) => {
        if (live) setMessage(t('dataReadError', { error: describeError(err) }));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const reseed = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(t('dataReseeding'));
    try {
      const value = await askBackground({ type: 'reseed' });
      setStatus(value);
      setMessage(
        t('dataReseeded', {
          cards: plural('dataCards', value.cardCount),
          version: versionText(value),
        }),
      );
    } catch (err) {
      setMessage(t('dataReseedFailed', { error: describeError(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading')}</h2>
      <dl class="data-status">
        <dt>{t('dataCardCount')}</dt>
        <dd>{status ? status.cardCount.toLocaleString(interfaceLanguage()) : '—'}</dd>
        <dt>{t('dataVersion')}</dt>
        <dd>{status ? versionText(status) : '—'}</dd>
      </dl>
      {status?.cacheProblem != null && (
        <p class="fl-error" role="alert">
          {t('dataCacheUnavailable', { reason: status.cacheProblem })}
        </p>
      )}
      <p class="hint" id="reseed-description">
        {t('dataReseedHint')}
      </p>
      <button
        type="button"
        class="fl-button"
        // aria-disabled, not disabled: a disabled button drops keyboard focus mid-action.
        aria-disabled={busy ? 'true' : 'false'}
        aria-describedby="reseed-description"
        onClick={reseed}
      >
        {t('dataReseedButton')}
      </button>
      <p class="status-line" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
