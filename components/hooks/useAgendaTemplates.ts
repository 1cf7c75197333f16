import { useEffect, useState } from 'preact/hooks';
import type { AgendaTemplate } from '../../utils/agenda/schema';
import { deleteAgendaTemplate, listAgendaTemplates } from '../../utils/db/agenda';
import { t } from '../../utils/i18n';
import { failureText, useActionOutcome, type ActionOutcomeState } from './useActionOutcome';

export interface AgendaTemplates extends ActionOutcomeState {
  templates: readonly AgendaTemplate[] | undefined;
  onDelete: (template: AgendaTemplate) => void;
}

/** The agenda templates the clinician saved from the panel, to review and delete. */
export function useAgendaTemplates(): AgendaTemplates {
  const [templates, setTemplates] = useState<AgendaTemplate[]>();
  const { state, fail, run } = useActionOutcome();

  useEffect(() => {
    listAgendaTemplates().then(setTemplates, (failure: unknown) => fail(failureText(failure)));
  }, []);

  const onDelete = (template: AgendaTemplate) =>
    run(
      deleteAgendaTemplate(template.id).then(async () => {
        setTemplates(await listAgendaTemplates());
        return { status: t('agendaTemplateDeleted', template.name) };
      }),
    );

  return { templates, ...state, onDelete };
}
