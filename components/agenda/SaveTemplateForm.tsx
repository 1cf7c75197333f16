import { useState } from 'preact/hooks';
import { TEMPLATE_NAME_MAX_LENGTH } from '../../utils/agenda/schema';
import { t } from '../../utils/i18n';
import { RequiredTextField } from '../RequiredTextField';

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
        <RequiredTextField
          id="template-name"
          label={t('agendaTemplateNameLabel')}
          value={name}
          maxLength={TEMPLATE_NAME_MAX_LENGTH}
          missing={missing}
          missingMessage={t('agendaTemplateNameRequired')}
          onInput={(value) => {
            setName(value);
            setMissing(false);
          }}
        />
        <button type="submit" class="small">
          {t('save')}
        </button>
      </form>
    </details>
  );
}
