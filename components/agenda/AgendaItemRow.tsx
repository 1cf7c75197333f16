import type { AgendaItem } from '../../utils/agenda/schema';
import { t } from '../../utils/i18n';
import { useSaving } from '../hooks/useSaving';

export interface AgendaItemRowProps {
  item: AgendaItem;
  goalTitle: string | undefined;
  active: boolean;
  /** Saves the item as done or not; the checkbox shows the clinician's choice until this settles. */
  onToggle: (done: boolean) => Promise<unknown>;
  onMove: (by: -1 | 1) => void;
  onEdit: () => void;
  onRemove: () => void;
}

/** One agenda item: check it off, move it, edit or remove it. Every control names the item for screen readers. */
export function AgendaItemRow({ item, goalTitle, active, onToggle, onMove, onEdit, onRemove }: AgendaItemRowProps) {
  const checkId = `agenda-check-${item.id}`;
  const [done, saving] = useSaving(item.done);
  return (
    <li class={`agenda-item${item.done ? ' agenda-item--done' : ''}${active ? ' agenda-item--active' : ''}`} data-agenda-item={item.id}>
      <div class="agenda-line">
        <input
          id={checkId}
          type="checkbox"
          checked={done}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            saving(checked, onToggle(checked));
          }}
        />
        <label for={checkId}>{item.text}</label>
        {item.timeBoxMinutes !== null && <span class="badge">{t('minutesOption', String(item.timeBoxMinutes))}</span>}
      </div>
      {goalTitle !== undefined && <p class="hint agenda-goal">{t('agendaLinkedGoal', goalTitle)}</p>}
      <div class="row-actions">
        <button id={`agenda-up-${item.id}`} type="button" class="icon small" aria-label={t('agendaMoveUp', item.text)} onClick={() => onMove(-1)}>
          <span aria-hidden="true">↑</span>
        </button>
        <button id={`agenda-down-${item.id}`} type="button" class="icon small" aria-label={t('agendaMoveDown', item.text)} onClick={() => onMove(1)}>
          <span aria-hidden="true">↓</span>
        </button>
        <button type="button" class="small" aria-label={t('agendaEditNamed', item.text)} onClick={onEdit}>
          {t('edit')}
        </button>
        <button type="button" class="small" aria-label={t('agendaRemoveNamed', item.text)} onClick={onRemove}>
          {t('remove')}
        </button>
      </div>
    </li>
  );
}
