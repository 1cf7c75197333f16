import { t } from '../../utils/i18n';
import type { AgendaTemplates } from '../hooks/useAgendaTemplates';
import { ActionOutcome } from '../Notice';

/** The clinician's own agenda templates (saved from the panel during a visit): what each holds, and deleting one. */
export function AgendaTemplatesList({ templates, busy, status, error, onDelete }: AgendaTemplates) {
  return (
    <section class="stack" aria-labelledby="agenda-templates-heading">
      <h2 id="agenda-templates-heading">{t('agendaTemplatesHeading')}</h2>
      <p class="hint">{t('agendaTemplatesIntro')}</p>
      {templates !== undefined && templates.length === 0 && <p>{t('agendaTemplatesEmpty')}</p>}
      {templates !== undefined && templates.length > 0 && (
        <ul class="plain-list" aria-label={t('agendaTemplatesListLabel')}>
          {templates.map((template) => (
            <li key={template.id} class="card stack stack--tight">
              <h3>{template.name}</h3>
              <ol class="compact-list">
                {template.items.map((item, index) => (
                  <li key={index}>
                    {item.timeBoxMinutes === null ? item.text : t('agendaTemplateItemTimed', [item.text, String(item.timeBoxMinutes)])}
                  </li>
                ))}
              </ol>
              <button type="button" class="secondary small link-button" disabled={busy} onClick={() => onDelete(template)}>
                {t('agendaTemplateDelete', template.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ActionOutcome error={error} status={status} />
    </section>
  );
}
