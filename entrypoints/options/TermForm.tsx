/**
 * Adding or editing one of the reader's own terms. Every rule is `checkUserTerm`'s, the same one the
 * background applies; its problems are shown beside their field as the reader types, after the
 * first attempt to save.
 */
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type CategoryId } from '../../common/glossary-types';
import { t } from '../../common/i18n';
import {
  checkUserTerm,
  labelKey,
  type OtherSpellings,
  overlapWarnings,
  type TermField,
  type TermProblem,
  type UserTermFields,
} from '../../common/user-terms';
import { categoryLabel } from '../../components/category-labels';

export interface TermFormProps {
  /** The term being edited, or undefined for a new one. */
  initial?: UserTermFields;
  /** Everyone else's spellings: the bundled entries' and the reader's other terms'. */
  others: readonly OtherSpellings[];
  /** Labels of the reader's other terms, compared as `labelKey` does. */
  takenLabels: ReadonlySet<string>;
  /** Resolves when saved; rejects with a message to show. */
  onSave: (term: UserTermFields, allowBroad: boolean) => Promise<void>;
  onCancel: () => void;
}

interface Draft {
  label: string;
  spellings: string;
  caseSensitive: boolean;
  category: CategoryId;
  note: string;
  link: string;
}

function draftOf(term: UserTermFields | undefined): Draft {
  return {
    label: term?.label ?? '',
    spellings: term?.aliases.join('\n') ?? '',
    caseSensitive: term?.caseSensitive ?? false,
    category: term?.category ?? 'user',
    note: term?.note ?? '',
    link: term?.link ?? '',
  };
}

function inputOf(draft: Draft): Record<string, unknown> {
  return {
    label: draft.label,
    // One per line; blank lines between spellings are layout, not empty spellings.
    aliases: draft.spellings.split('\n').filter((line) => line.trim() !== ''),
    caseSensitive: draft.caseSensitive,
    category: draft.category,
    note: draft.note,
    link: draft.link,
  };
}

/** A URL scheme, the same in every language. */
const LINK_PLACEHOLDER = 'https://';

export function TermForm({ initial, others, takenLabels, onSave, onCancel }: TermFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [tried, setTried] = useState(false);
  const [confirmBroad, setConfirmBroad] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState('');

  const check = useMemo(() => checkUserTerm(inputOf(draft)), [draft]);
  const problems: TermProblem[] = check.ok ? [] : check.problems;
  const broad = (check.ok ? check.broad : problems).filter((p) => p.kind === 'broad');
  const labelTaken = takenLabels.has(labelKey(draft.label));
  const errorsFor = (field: TermField): string[] => {
    const messages = problems
      .filter((p) => p.kind === 'error' && p.field === field)
      .map((p) => p.message);
    if (field === 'label' && labelTaken) messages.push(t('termLabelTaken'));
    return messages;
  };
  const overlaps = useMemo(() => {
    const aliases = inputOf(draft).aliases as string[];
    return overlapWarnings({ aliases, caseSensitive: draft.caseSensitive }, others);
  }, [draft, others]);

  // What was typed last, even before Preact re-renders: a save right after typing sees it.
  const latest = useRef(draft);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    latest.current = { ...latest.current, [key]: value };
    setDraft(latest.current);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    setFailure('');
    const now = checkUserTerm(inputOf(latest.current));
    if (!now.ok || takenLabels.has(labelKey(latest.current.label)) || saving) return;
    if (now.broad.length > 0 && !confirmBroad) return;
    setSaving(true);
    try {
      await onSave(now.term, now.broad.length > 0);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const field = (name: TermField) => {
    const errors = tried ? errorsFor(name) : [];
    const errorId = `${id}-${name}-error`;
    return {
      errors,
      errorId,
      invalid: errors.length > 0 ? ('true' as const) : undefined,
      describedBy: errors.length > 0 ? errorId : undefined,
    };
  };
  const label = field('label');
  const spellings = field('aliases');
  const category = field('category');
  const note = field('note');
  const link = field('link');

  return (
    <form
      class="term-form"
      onSubmit={submit}
      noValidate
      aria-label={initial ? t('termFormEdit', { label: initial.label }) : t('termFormNew')}
    >
      <div class="field">
        <label for={`${id}-label`}>{t('termFieldLabel')}</label>
        <input
          id={`${id}-label`}
          type="text"
          class="fl-text-input"
          value={draft.label}
          maxLength={200}
          aria-invalid={label.invalid}
          aria-describedby={label.describedBy}
          onInput={(event) => set('label', event.currentTarget.value)}
        />
        <FieldErrors id={label.errorId} errors={label.errors} />
      </div>

      <div class="field">
        <label for={`${id}-spellings`}>{t('termFieldSpellings')}</label>
        <textarea
          id={`${id}-spellings`}
          class="fl-text-input"
          rows={3}
          value={draft.spellings}
          aria-invalid={spellings.invalid}
          aria-describedby={`${id}-spellings-hint${spellings.describedBy ? ` ${spellings.describedBy}` : ''}`}
          onInput={(event) => set('spellings', event.currentTarget.value)}
        />
        <p class="hint" id={`${id}-spellings-hint`}>
          {t('termSpellingsHint')}
        </p>
        <FieldErrors id={spellings.errorId} errors={spellings.errors} />
      </div>

      <div class="fl-choice">
        <label class="fl-choice-label">
          <input
            type="checkbox"
            checked={draft.caseSensitive}
            onChange={(event) => set('caseSensitive', event.currentTarget.checked)}
          />
          <span>{t('termFieldMatchCase')}</span>
        </label>
        <p class="fl-choice-description">{t('termMatchCaseHint')}</p>
      </div>

      <div class="field">
        <label for={`${id}-category`}>{t('termFieldCategory')}</label>
        <select
          id={`${id}-category`}
          class="fl-text-input"
          value={draft.category}
          aria-invalid={category.invalid}
          aria-describedby={category.describedBy}
          onChange={(event) => set('category', event.currentTarget.value as CategoryId)}
        >
          {CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {value === 'user' ? t('termCategoryOwn') : categoryLabel(value)}
            </option>
          ))}
        </select>
        <FieldErrors id={category.errorId} errors={category.errors} />
      </div>

      <div class="field">
        <label for={`${id}-note`}>{t('termFieldNote')}</label>
        <textarea
          id={`${id}-note`}
          class="fl-text-input"
          rows={3}
          value={draft.note}
          aria-invalid={note.invalid}
          aria-describedby={note.describedBy}
          onInput={(event) => set('note', event.currentTarget.value)}
        />
        <FieldErrors id={note.errorId} errors={note.errors} />
      </div>

      <div class="field">
        <label for={`${id}-link`}>{t('termFieldLink')}</label>
        <input
          id={`${id}-link`}
          type="text"
          class="fl-text-input"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder={LINK_PLACEHOLDER}
          value={draft.link}
          aria-invalid={link.invalid}
          aria-describedby={`${id}-link-hint${link.describedBy ? ` ${link.describedBy}` : ''}`}
          onInput={(event) => set('link', event.currentTarget.value)}
        />
        <p class="hint" id={`${id}-link-hint`}>
          {t('termLinkHint')}
        </p>
        <FieldErrors id={link.errorId} errors={link.errors} />
      </div>

      {overlaps.length > 0 && (
        <div class="term-warnings" role="status">
          <p>{t('termOverlapIntro')}</p>
          <ul>
            {overlaps.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}

      {broad.length > 0 && (
        <div class="term-warnings">
          <ul>
            {broad.map((problem) => (
              <li key={problem.message}>{problem.message}.</li>
            ))}
          </ul>
          <label class="fl-choice-label">
            <input
              type="checkbox"
              checked={confirmBroad}
              onChange={(event) => setConfirmBroad(event.currentTarget.checked)}
            />
            <span>{t(broad.length === 1 ? 'termBroadConfirmOne' : 'termBroadConfirmMany')}</span>
          </label>
          {tried && !confirmBroad && <p class="fl-error">{t('termBroadNeeded')}</p>}
        </div>
      )}

      <div class="term-form-actions">
        <button
          type="submit"
          class="fl-button fl-button-primary"
          aria-disabled={saving ? 'true' : 'false'}
        >
          {initial ? t('termSaveChanges') : t('termAddSubmit')}
        </button>
        <button type="button" class="fl-button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      {failure !== '' && (
        <p class="fl-error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}

function FieldErrors({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} class="fl-error">
      {errors.map((message, index) => (
        <span key={message}>
          {index > 0 && <br />}
          {message.charAt(0).toUpperCase() + message.slice(1)}.
        </span>
      ))}
    </p>
  );
}
