import { useState } from 'preact/hooks';
import { TEMPLATE_NAME_MAX_LENGTH } from '../../utils/agenda/schema';
import { t } from '../../utils/i18n';

export interface SaveTemplateFormProps {
  onSave: (name: string) => void;
}

/** Saves the current agenda as one of the clinician's own templates. */
export function SaveTemplateForm({ onSave }: SaveTemplateFormProps) {
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    if (name.trim() === '') {
      setMissing(true);
      return;
    }
    onSave(name.trim());
    setName('');
  };
  return (
    <details class="disclosure">
      <summary>{t('agendaSaveTemplateSummary')}</summary>
      <form class="field-row field-row--end" onSubmit={submit}>
        <div class="field">
          <label for="template-name">{t('agendaTemplateNameLabel')}</label>
          <input
            id="template-name"
            type="text"
            maxLength={TEMPLATE_NAME_MAX_LENGTH}
            autoComplete="off"
            value={name}
            aria-invalid={missing}
            aria-describedby="template-name-error"
            onInput={(event) => {
              setName(event.currentTarget.value);
              setMissing(false);
            }}
          />
          <p id="template-name-error" class="field-error" role="alert">
            {missing ? t('agendaTemplateNameRequired') : ''}
          </p>
        </div>
        <button type="submit" class="small">
          {t('save')}
        </button>
      </form>
    </details>
  );
}
