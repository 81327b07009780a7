import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../../common/describe-error';
import { askBackground } from '../../common/messaging';
import type { DataStatus } from '../../common/protocol';

function describeStatus(status: DataStatus): string {
  const cards = status.cardCount === 1 ? '1 card' : `${status.cardCount} cards`;
  return `${cards}, data version ${status.dataVersion ?? 'none'}`;
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
        if (live) setMessage(`Could not read the card cache: ${describeError(err)}.`);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const reseed = async () => {
    if (busy) return;
    setBusy(true);
    setMessage('Clearing and re-seeding the card cache…');
    try {
      const value = await askBackground({ type: 'reseed' });
      setStatus(value);
      setMessage(`Card cache re-seeded: ${describeStatus(value)}.`);
    } catch (err) {
      setMessage(`Re-seeding failed: ${describeError(err)}.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      <dl class="data-status">
        <dt>Cards in the cache</dt>
        <dd>{status ? status.cardCount : '—'}</dd>
        <dt>Data version</dt>
        <dd>{status ? (status.dataVersion ?? 'none') : '—'}</dd>
      </dl>
      <p class="hint" id="reseed-description">
        The cards come with the extension. Re-seeding deletes the cached copy and loads it again
        from the bundled data; your settings are kept.
      </p>
      <button
        type="button"
        class="fl-button"
        // aria-disabled, not disabled: a disabled button drops keyboard focus mid-action.
        aria-disabled={busy ? 'true' : 'false'}
        aria-describedby="reseed-description"
        onClick={reseed}
      >
        Clear and re-seed the card cache
      </button>
      <p class="status-line" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
