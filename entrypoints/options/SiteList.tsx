import { useId, useRef, useState } from 'preact/hooks';
import { addSite, removeSite, type Settings, type SiteListName } from '../../common/settings';

interface SiteListProps {
  list: SiteListName;
  heading: string;
  description: string;
  /** Completes "Add" for screen readers: "Add to sites where it is off". */
  addTarget: string;
  settings: Settings;
  change: (fn: (current: Settings) => Settings) => void;
}

export function SiteList({
  list,
  heading,
  description,
  addTarget,
  settings,
  change,
}: SiteListProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
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
        <p class="empty">No sites yet.</p>
      ) : (
        <ul class="hosts">
          {hosts.map((host) => (
            <li key={host}>
              <span class="host">{host}</span>
              <button type="button" class="fl-button" onClick={() => remove(host)}>
                Remove<span class="fl-visually-hidden"> {host}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add} noValidate>
        <label for={`${id}-input`}>Add a site</label>
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
            placeholder="example.com"
            value={draft}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(event) => {
              setDraft(event.currentTarget.value);
              if (error) setError(null);
            }}
          />
          <button type="submit" class="fl-button">
            Add<span class="fl-visually-hidden"> to {addTarget}</span>
          </button>
        </div>
        {error && (
          <p id={`${id}-error`} class="fl-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
