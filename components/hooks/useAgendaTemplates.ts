import { useEffect, useState } from 'preact/hooks';
import type { AgendaTemplate } from '../../utils/agenda/schema';
import { deleteAgendaTemplate, listAgendaTemplates } from '../../utils/db/agenda';
import { t } from '../../utils/i18n';
import { failureText } from './useOptionsSettings';

export interface AgendaTemplates {
  templates: readonly AgendaTemplate[] | undefined;
  busy: boolean;
  status: string;
  error: string | undefined;
  onDelete: (template: AgendaTemplate) => void;
}

/** The agenda templates the clinician saved from the panel, to review and delete. */
export function useAgendaTemplates(): AgendaTemplates {
  const [templates, setTemplates] = useState<AgendaTemplate[]>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();

  useEffect(() => {
    listAgendaTemplates().then(setTemplates, (failure: unknown) => setError(failureText(failure)));
  }, []);

  const onDelete = (template: AgendaTemplate) => {
    setStatus('');
    setError(undefined);
    setBusy(true);
    deleteAgendaTemplate(template.id)
      .then(async () => {
        setTemplates(await listAgendaTemplates());
        setStatus(t('agendaTemplateDeleted', template.name));
      })
      .catch((failure: unknown) => setError(failureText(failure)))
      .finally(() => setBusy(false));
  };

  return { templates, busy, status, error, onDelete };
}
