/**
 * Importing a terms file: the whole file is checked first (`parseTermsFile`, the background checks
 * it again), nothing is written unless every entry is valid, and the reader decides what a term
 * with a label they already have does, and whether broad spellings are meant.
 */
import { useId, useState } from 'preact/hooks';
import { describeError } from '../../common/describe-error';
import { plural, t } from '../../common/i18n';
import { askBackground } from '../../common/messaging';
import type { ImportSummary } from '../../common/protocol';
import {
  describeProblem,
  labelKey,
  parseTermsFile,
  TERM_LIMITS,
  type TermProblem,
  type UserTermFields,
} from '../../common/user-terms';
import { RadioGroup } from './forms/RadioGroup';

interface Pending {
  fileName: string;
  terms: UserTermFields[];
  broad: TermProblem[];
}

type OnDuplicate = 'replace' | 'skip';

export function describeImport(summary: ImportSummary): string {
  const parts = [t('termsImportAdded', { count: summary.added })];
  if (summary.replaced > 0) parts.push(t('termsImportReplaced', { count: summary.replaced }));
  if (summary.skipped > 0) parts.push(t('termsImportSkipped', { count: summary.skipped }));
  return t('termsImportedIntro', { parts: parts.join(t('listSeparator')) });
}

export function TermsImport({
  existingLabels,
  onImported,
}: {
  existingLabels: ReadonlySet<string>;
  onImported: (summary: string) => void;
}) {
  const id = useId();
  const [pending, setPending] = useState<Pending | null>(null);
  const [errors, setErrors] = useState<{ fileName: string; problems: string[] } | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('replace');
  const [confirmBroad, setConfirmBroad] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // The same file chosen again after fixing it must fire `change` again.
    try {
      input.value = '';
    } catch {
      // Nothing to clear.
    }
    if (!file) return;
    setPending(null);
    setErrors(null);
    setFailure('');
    setConfirmBroad(false);
    // Checked before reading: a 2 GB file must not be read into memory to be refused.
    const result =
      file.size > TERM_LIMITS.fileBytes
        ? parseTermsFile('', file.size)
        : parseTermsFile(await file.text(), file.size);
    if (!result.ok) {
      setErrors({ fileName: file.name, problems: result.problems.map(describeProblem) });
      return;
    }
    setPending({ fileName: file.name, terms: result.terms, broad: result.broad });
  };

  const duplicates = pending
    ? pending.terms.filter((term) => existingLabels.has(labelKey(term.label))).length
    : 0;

  const confirm = async () => {
    if (!pending || busy) return;
    if (pending.broad.length > 0 && !confirmBroad) {
      setFailure(t('termsImportConfirmBroad'));
      return;
    }
    setBusy(true);
    setFailure('');
    try {
      const summary = await askBackground({
        type: 'import-user-terms',
        terms: pending.terms,
        onDuplicate,
        allowBroad: pending.broad.length > 0,
      });
      setPending(null);
      onImported(describeImport(summary));
    } catch (error) {
      setFailure(t('termsImportFailed', { reason: describeError(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="terms-import">
      <label for={`${id}-file`} class="fl-legend">
        {t('termsImportLabel')}
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".json,application/json"
        aria-describedby={`${id}-hint`}
        onChange={(event) => void choose(event)}
      />
      <p class="hint" id={`${id}-hint`}>
        {t('termsImportHint', { max: TERM_LIMITS.terms })}
      </p>

      {errors && (
        <div class="term-errors" role="alert">
          <p>
            {t('termsImportRejected', {
              file: errors.fileName,
              problems: plural('problemCount', errors.problems.length),
            })}
          </p>
          <ul>
            {errors.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}

      {pending && (
        <div class="term-import-review">
          <p>
            {t('termsImportValid', {
              file: pending.fileName,
              terms: plural('glossaryTermCount', pending.terms.length),
            })}
          </p>
          {duplicates > 0 && (
            <RadioGroup<OnDuplicate>
              legend={plural('termsImportDuplicates', duplicates)}
              value={onDuplicate}
              options={[
                { value: 'replace', label: t('termsImportReplace') },
                { value: 'skip', label: t('termsImportSkip') },
              ]}
              onChange={setOnDuplicate}
            />
          )}
          {pending.broad.length > 0 && (
            <div class="term-warnings">
              <p>{t('termsImportBroadIntro')}</p>
              <ul>
                {pending.broad.map((problem) => (
                  <li key={describeProblem(problem)}>{describeProblem(problem)}</li>
                ))}
              </ul>
              <label class="fl-choice-label">
                <input
                  type="checkbox"
                  checked={confirmBroad}
                  onChange={(event) => setConfirmBroad(event.currentTarget.checked)}
                />
                <span>{t('termsImportMarkAnyway')}</span>
              </label>
            </div>
          )}
          <div class="term-form-actions">
            <button
              type="button"
              class="fl-button fl-button-primary"
              aria-disabled={busy ? 'true' : 'false'}
              onClick={() => void confirm()}
            >
              {t('termsImportButton', { terms: plural('glossaryTermCount', pending.terms.length) })}
            </button>
            <button type="button" class="fl-button" onClick={() => setPending(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {failure !== '' && (
        <p class="fl-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
