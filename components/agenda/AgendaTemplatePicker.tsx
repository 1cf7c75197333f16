import { useState } from 'preact/hooks';
import type { AgendaTemplate, AgendaTemplateItem } from '../../utils/agenda/schema';
import { shippedAgendaTemplates } from '../../utils/agenda/templates';
import { t } from '../../utils/i18n';

export interface AgendaTemplatePickerProps {
  ownTemplates: readonly AgendaTemplate[];
  onApply: (items: AgendaTemplateItem[]) => void;
}

/** The items of a shipped template, in the clinician's language. */
function shippedItems(templateId: string): AgendaTemplateItem[] {
  const template = shippedAgendaTemplates.find((candidate) => candidate.id === templateId);
  return (template?.items ?? []).map((item) => ({ text: t(item.textKey), timeBoxMinutes: item.timeBoxMinutes }));
}

/** Adds the items of a template (Attune's or the clinician's own) to the end of the agenda. */
export function AgendaTemplatePicker({ ownTemplates, onApply }: AgendaTemplatePickerProps) {
  const [choice, setChoice] = useState(shippedAgendaTemplates[0]?.id ?? '');
  const apply = (event: Event) => {
    event.preventDefault();
    const own = ownTemplates.find((template) => template.id === choice);
    onApply(own !== undefined ? own.items : shippedItems(choice));
  };
  return (
    <form class="field-row field-row--end" onSubmit={apply}>
      <div class="field">
        <label for="agenda-template">{t('agendaTemplateLabel')}</label>
        <select id="agenda-template" value={choice} onChange={(event) => setChoice(event.currentTarget.value)}>
          <optgroup label={t('agendaShippedTemplates')}>
            {shippedAgendaTemplates.map((template) => (
              <option key={template.id} value={template.id}>
                {t(template.nameKey)}
              </option>
            ))}
          </optgroup>
          {ownTemplates.length > 0 && (
            <optgroup label={t('agendaOwnTemplates')}>
              {ownTemplates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <button type="submit" class="small">
        {t('agendaUseTemplate')}
      </button>
    </form>
  );
}
