import { useId, useRef, useState } from 'preact/hooks';
import { t } from '../../common/i18n';
import {
  type AddSiteError,
  addSite,
  removeSite,
  type Settings,
  type SiteListName,
} from '../../common/settings';

interface SiteListProps {
  list: SiteListName;
  heading: string;
  description: string;
  /** The Add button's accessible name: "Add to sites where it is off". */
  addLabel: string;
  settings: Settings;
  change: (fn: (current: Settings) => Settings) => void;
}

export function SiteList({
  list,
  heading,
  description,
  addLabel,
  settings,
  change,
}: SiteListProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<AddSiteError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const hosts = settings[list];

  const add = (event: Event) => {
    event.preventDefault();
    // The field itself, not `draft`: Enter right after typing can come before the re-render.
    const typed = input.current?.value ?? draft;
    const result = addSite(settings, list, typed);
    if (!result.ok) {
      setError(result.error);
      input.current?.focus();
      return;
    }
    setError(null);
    setDraft('');
    change((current) => {
      const latest = addSite(current, list, result.host);
      return latest.ok ? latest.settings : current;
    });
  };

  const remove = (host: string) => {
    change((current) => removeSite(current, list, host));
    // The button pressed disappears; keep the keyboard user inside this list.
    input.current?.focus();
  };

  return (
    <section class="site-list" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <p class="hint">{description}</p>
      {hosts.length === 0 ? (
        <p class="empty">{t('siteListEmpty')}</p>
      ) : (
        <ul class="hosts">
          {hosts.map((host) => (
            <li key={host}>
              <span class="host">{host}</span>
              <button type="button" class="fl-button" onClick={() => remove(host)}>
                <span aria-hidden="true">{t('siteRemove')}</span>
                <span class="fl-visually-hidden">{t('siteRemoveHost', { host })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add} noValidate>
        <label for={`${id}-input`}>{t('siteAddLabel')}</label>
        <div class="add-row">
          <input
            ref={input}
            id={`${id}-input`}
            class="fl-text-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            placeholder={t('siteAddPlaceholder')}
            value={draft}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(event) => {
              setDraft(event.currentTarget.value);
              if (error) setError(null);
            }}
          />
          <button type="submit" class="fl-button">
            <span aria-hidden="true">{t('siteAdd')}</span>
            <span class="fl-visually-hidden">{addLabel}</span>
          </button>
        </div>
        {error && (
          <p id={`${id}-error`} class="fl-error" role="alert">
            {describeAddError(error)}
          </p>
        )}
      </form>
    </section>
  );
}

function describeAddError(error: AddSiteError): string {
  switch (error.reason) {
    case 'not-a-host':
      return t('siteErrorNotHost', { input: error.input });
    case 'duplicate':
      return t('siteErrorDuplicate', { host: error.host });
    case 'full':
      return t('siteErrorFull', { max: error.max });
  }
}
