import { useState } from 'preact/hooks';
import type { VisitSearch } from '../../utils/db/review';
import { t } from '../../utils/i18n';
import { ALIAS_MAX_LENGTH } from '../../utils/models';
import { searchFromForm } from '../../utils/review/search-form';

export interface VisitSearchFormProps {
  /** Unique on the page, for the fields' ids. */
  id: string;
  onSearch: (search: VisitSearch) => void;
  onClear: () => void;
}

/** Find past visits by the start of the client's alias and a date range (either may be left empty). */
export function VisitSearchForm({ id, onSearch, onClear }: VisitSearchFormProps) {
  const [values, setValues] = useState({ alias: '', from: '', to: '' });
  const [error, setError] = useState('');
  const field = (name: keyof typeof values) => ({
    id: `${id}-${name}`,
    value: values[name],
    onInput: (event: Event) => {
      const target = event.currentTarget;
      if (target instanceof HTMLInputElement) setValues((current) => ({ ...current, [name]: target.value }));
    },
  });

  const submit = (event: Event) => {
    event.preventDefault();
    const result = searchFromForm(values);
    if ('error' in result) {
      setError(t(result.error));
      return;
    }
    setError('');
    onSearch(result.search);
  };

  return (
    <form class="search-form stack stack--tight" role="search" aria-label={t('reviewSearchLabel')} onSubmit={submit}>
      <div class="field-row field-row--end">
        <div class="field">
          <label for={`${id}-alias`}>{t('reviewSearchAlias')}</label>
          <input type="search" maxLength={ALIAS_MAX_LENGTH + 1} autoComplete="off" {...field('alias')} />
        </div>
        <div class="field">
          <label for={`${id}-from`}>{t('reviewSearchFrom')}</label>
          <input type="date" {...field('from')} aria-invalid={error !== '' && values.from !== ''} />
        </div>
        <div class="field">
          <label for={`${id}-to`}>{t('reviewSearchTo')}</label>
          <input type="date" {...field('to')} aria-invalid={error !== '' && values.to !== ''} />
        </div>
      </div>
      <div class="row">
        <button type="submit" class="primary">{t('reviewSearch')}</button>
        <button
          type="button"
          onClick={() => {
            setValues({ alias: '', from: '', to: '' });
            setError('');
            onClear();
          }}
        >
          {t('reviewSearchClear')}
        </button>
      </div>
      <p class="field-error" role="alert">{error}</p>
    </form>
  );
}
