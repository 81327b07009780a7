/**
 * Adding or editing one of the reader's own terms. Every rule is `checkUserTerm`'s, the same one the
 * background applies; its problems are shown beside their field as the reader types, after the
 * first attempt to save.
 */
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type CategoryId } from '../../common/glossary-types';
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
    if (field === 'label' && labelTaken) messages.push('you already have a term with this label');
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
      aria-label={initial ? `Edit “${initial.label}”` : 'Add a term'}
    >
      <div class="field">
        <label for={`${id}-label`}>Label</label>
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
        <label for={`${id}-spellings`}>Spellings, one per line</label>
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
          Each line is marked where it appears as a whole word. Chinese spellings match anywhere in
          the text, as the built-in ones do.
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
          <span>Match case</span>
        </label>
        <p class="fl-choice-description">
          Off: “plan x” and “PLAN X” match “Plan X” too. Chinese has no case.
        </p>
      </div>

      <div class="field">
        <label for={`${id}-category`}>Category</label>
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
              {value === 'user' ? 'Your terms (its own mark style)' : categoryLabel(value)}
            </option>
          ))}
        </select>
        <FieldErrors id={category.errorId} errors={category.errors} />
      </div>

      <div class="field">
        <label for={`${id}-note`}>Note (shown on the card)</label>
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
        <label for={`${id}-link`}>Link (optional)</label>
        <input
          id={`${id}-link`}
          type="text"
          class="fl-text-input"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="https://"
          value={draft.link}
          aria-invalid={link.invalid}
          aria-describedby={`${id}-link-hint${link.describedBy ? ` ${link.describedBy}` : ''}`}
          onInput={(event) => set('link', event.currentTarget.value)}
        />
        <p class="hint" id={`${id}-link-hint`}>
          Shown on the card for you to open; Firewall Lens never loads it.
        </p>
        <FieldErrors id={link.errorId} errors={link.errors} />
      </div>

      {overlaps.length > 0 && (
        <div class="term-warnings" role="status">
          <p>Where spellings overlap on a page, the longer one is marked:</p>
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
            <span>Mark {broad.length === 1 ? 'this spelling' : 'these spellings'} anyway</span>
          </label>
          {tried && !confirmBroad && (
            <p class="fl-error">Confirm, or change the spelling, to save.</p>
          )}
        </div>
      )}

      <div class="term-form-actions">
        <button
          type="submit"
          class="fl-button fl-button-primary"
          aria-disabled={saving ? 'true' : 'false'}
        >
          {initial ? 'Save changes' : 'Add term'}
        </button>
        <button type="button" class="fl-button" onClick={onCancel}>
          Cancel
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
