/**
 * "Your terms": the reader's own glossary entries. They live in the background's database on this
 * device only; the file export is the way to move them (docs/data.md, "Your terms").
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { describeError } from '../../common/describe-error';
import { plural, t } from '../../common/i18n';
import { askBackground } from '../../common/messaging';
import type { CardView } from '../../common/protocol';
import {
  labelKey,
  type OtherSpellings,
  type UserTerm,
  type UserTermFields,
} from '../../common/user-terms';
import { watchUserTerms } from '../../common/user-terms-signal';
import { categoryLabel } from '../../components/category-labels';
import { TermForm } from './TermForm';
import { TermsImport } from './TermsImport';
import { downloadTermsFile } from './terms-download';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; term: UserTerm };

function spellingsOf(card: CardView): OtherSpellings['spellings'] {
  return card.aliases.map((alias) => ({
    text: alias.text,
    caseSensitive: alias.case !== 'insensitive',
  }));
}

export function YourTerms() {
  const [terms, setTerms] = useState<UserTerm[] | null>(null);
  const [bundled, setBundled] = useState<OtherSpellings[]>([]);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [deleting, setDeleting] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const reload = useCallback(async () => {
    try {
      setTerms(await askBackground({ type: 'user-terms' }));
    } catch (error) {
      setMessage(t('termsReadFailed', { reason: describeError(error) }));
    }
  }, []);

  useEffect(() => {
    void reload();
    askBackground({ type: 'search', query: '' }).then(
      (cards) =>
        setBundled(
          cards
            .filter((card) => card.own === undefined)
            .map((card) => ({ label: card.label, bundled: true, spellings: spellingsOf(card) })),
        ),
      () => undefined,
    );
    // Another options page or a second window may change them too.
    return watchUserTerms(() => void reload());
  }, [reload]);

  const othersFor = useCallback(
    (except: string | undefined): OtherSpellings[] => [
      ...bundled,
      ...(terms ?? [])
        .filter((term) => term.id !== except)
        .map((term) => ({
          label: term.label,
          bundled: false,
          spellings: term.aliases.map((text) => ({ text, caseSensitive: term.caseSensitive })),
        })),
    ],
    [bundled, terms],
  );
  const editedId = editing.kind === 'edit' ? editing.term.id : undefined;
  const others = useMemo(() => othersFor(editedId), [othersFor, editedId]);
  const takenLabels = useMemo(
    () =>
      new Set(
        (terms ?? []).filter((term) => term.id !== editedId).map((term) => labelKey(term.label)),
      ),
    [terms, editedId],
  );

  const existingLabels = useMemo(
    () => new Set((terms ?? []).map((term) => labelKey(term.label))),
    [terms],
  );

  const save = async (term: UserTermFields, allowBroad: boolean) => {
    const id = editing.kind === 'edit' ? editing.term.id : undefined;
    const saved = await askBackground({
      type: 'save-user-term',
      term,
      allowBroad,
      ...(id === undefined ? {} : { id }),
    });
    setEditing({ kind: 'none' });
    setMessage(t(id === undefined ? 'termsAdded' : 'termsSaved', { label: saved.label }));
    await reload();
  };

  const remove = async (term: UserTerm) => {
    try {
      await askBackground({ type: 'delete-user-term', id: term.id });
      setMessage(t('termsDeleted', { label: term.label }));
    } catch (error) {
      setMessage(t('termsDeleteFailed', { label: term.label, reason: describeError(error) }));
    }
    setDeleting(null);
    await reload();
  };

  const exportTerms = () => {
    if (!terms || terms.length === 0) return;
    downloadTermsFile(terms, new Date());
    setMessage(plural('termsExported', terms.length));
  };

  return (
    <section aria-labelledby="your-terms-heading">
      <h2 id="your-terms-heading">{t('termsHeading')}</h2>
      <p class="hint">{t('termsIntro')}</p>

      {terms === null ? (
        <p>{t('termsLoading')}</p>
      ) : terms.length === 0 ? (
        <p class="empty">{t('termsNone')}</p>
      ) : (
        <ul class="terms" aria-label={t('termsHeading')}>
          {terms.map((term) => (
            <li key={term.id} class="term">
              <div class="term-summary">
                <span class="term-label">{term.label}</span>
                <span class="hint">
                  {categoryLabel(term.category)} · {term.aliases.join(', ')}
                </span>
              </div>
              {deleting === term.id ? (
                <div class="term-actions">
                  <span>{t('termsDeleteAsk', { label: term.label })}</span>
                  <button type="button" class="fl-button" onClick={() => void remove(term)}>
                    {t('termsDelete')}
                  </button>
                  <button type="button" class="fl-button" onClick={() => setDeleting(null)}>
                    {t('termsKeep')}
                  </button>
                </div>
              ) : (
                <div class="term-actions">
                  <button
                    type="button"
                    class="fl-button"
                    onClick={() => setEditing({ kind: 'edit', term })}
                  >
                    {t('termsEdit')}
                    <span class="fl-visually-hidden"> {term.label}</span>
                  </button>
                  <button type="button" class="fl-button" onClick={() => setDeleting(term.id)}>
                    {t('termsDelete')}
                    <span class="fl-visually-hidden"> {term.label}</span>
                  </button>
                </div>
              )}
              {editing.kind === 'edit' && editing.term.id === term.id && (
                <TermForm
                  initial={term}
                  others={others}
                  takenLabels={takenLabels}
                  onSave={save}
                  onCancel={() => setEditing({ kind: 'none' })}
                />
              )}
            </li>
          ))}
        </ul>
      )}

      {editing.kind === 'new' ? (
        <TermForm
          others={others}
          takenLabels={takenLabels}
          onSave={save}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      ) : (
        <p>
          <button type="button" class="fl-button" onClick={() => setEditing({ kind: 'new' })}>
            {t('termsAdd')}
          </button>
        </p>
      )}

      <h3>{t('termsMove')}</h3>
      <p class="terms-transfer">
        <button
          type="button"
          class="fl-button"
          aria-disabled={!terms || terms.length === 0 ? 'true' : 'false'}
          onClick={exportTerms}
        >
          {t('termsExport')}
        </button>
      </p>
      <TermsImport
        existingLabels={existingLabels}
        onImported={(summary) => {
          setMessage(summary);
          void reload();
        }}
      />
      <p class="terms-status" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
