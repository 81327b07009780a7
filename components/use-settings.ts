import { useCallback, useEffect, useState } from 'preact/hooks';
import { describeError } from '../common/describe-error';
import { t } from '../common/i18n';
import { normalizeSettings, type Settings } from '../common/settings';
import { loadSettings, updateSettings, watchSettings } from '../common/settings-store';

export interface SettingsState {
  /** Null until the stored settings have been read. */
  settings: Settings | null;
  /** The last failure to read or save, worded for the user; null once a save succeeds. */
  error: string | null;
  /** Applies `fn` at once on screen and saves it; the stored value wins once written. */
  change: (fn: (current: Settings) => Settings) => void;
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // Registered before the first read so a change made meanwhile (in the popup) is not missed.
    const stop = watchSettings((next) => {
      if (live) setSettings(next);
    });
    loadSettings().then(
      (loaded) => {
        if (live) setSettings((current) => current ?? loaded);
      },
      (err: unknown) => {
        if (!live) return;
        setError(t('settingsReadError', { error: describeError(err) }));
        setSettings((current) => current ?? normalizeSettings(undefined));
      },
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  const change = useCallback((fn: (current: Settings) => Settings) => {
    setSettings((current) => (current === null ? current : normalizeSettings(fn(current))));
    updateSettings(fn).then(
      () => setError(null),
      (err: unknown) => {
        setError(t('settingsSaveError', { error: describeError(err) }));
        // Undo the optimistic change: show what is really stored.
        loadSettings().then(setSettings, () => undefined);
      },
    );
  }, []);

  return { settings, error, change };
}
