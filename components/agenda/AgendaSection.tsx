import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgendaItem, AgendaTemplate, AgendaTemplateItem } from '../../utils/agenda/schema';
import type { NewAgendaItem } from '../../utils/db/agenda';
import type { Goal } from '../../utils/goals/schema';
import { t } from '../../utils/i18n';
import { activeAgendaItem } from '../../utils/reminders/cues';
import { AgendaItemForm, type AgendaItemDraft } from './AgendaItemForm';
import { AgendaItemRow } from './AgendaItemRow';
import { AgendaTemplatePicker } from './AgendaTemplatePicker';
import { SaveTemplateForm } from './SaveTemplateForm';

export interface AgendaSectionProps {
  items: readonly AgendaItem[];
  /** The client's goals, for linking and for showing what an item is linked to. */
  goals: readonly Goal[];
  ownTemplates: readonly AgendaTemplate[];
  onAdd: (additions: NewAgendaItem[]) => void;
  /** Saves the form's words, time box and goal link for `item`. */
  onEdit: (item: AgendaItem, edit: AgendaItemDraft) => void;
  onToggle: (item: AgendaItem, done: boolean) => Promise<unknown>;
  onMove: (itemId: string, by: -1 | 1) => void;
  onRemove: (itemId: string) => void;
  onSaveTemplate: (name: string, items: AgendaTemplateItem[]) => void;
  announce: (message: string) => void;
}

/** The visit's agenda: from a template or by hand, in order, checked off as the visit goes. */
export function AgendaSection(props: AgendaSectionProps) {
  const { items, goals, ownTemplates, onAdd, onEdit, onToggle, onMove, onRemove, onSaveTemplate, announce } = props;
  const [editing, setEditing] = useState<string>();
  // After a move the button the clinician pressed keeps focus, wherever its item went.
  const refocus = useRef<string>();
  useEffect(() => {
    if (refocus.current !== undefined) document.getElementById(refocus.current)?.focus();
    refocus.current = undefined;
  }, [items]);

  const openGoals = goals.filter((goal) => goal.status === 'open');
  const goalTitle = new Map(goals.map((goal) => [goal.id, goal.title]));
  const active = activeAgendaItem(items);
  const done = items.filter((item) => item.done).length;

  const move = (item: AgendaItem, by: -1 | 1) => {
    const index = items.findIndex((candidate) => candidate.id === item.id);
    const to = index + by;
    if (to < 0 || to >= items.length) {
      announce(by < 0 ? t('agendaAlreadyFirst', item.text) : t('agendaAlreadyLast', item.text));
      return;
    }
    refocus.current = `agenda-${by < 0 ? 'up' : 'down'}-${item.id}`;
    onMove(item.id, by);
    announce(t('agendaMoved', [item.text, String(to + 1), String(items.length)]));
  };

  const applyTemplate = (templateItems: AgendaTemplateItem[]) => {
    onAdd(templateItems.map((item) => ({ text: item.text, timeBoxMinutes: item.timeBoxMinutes })));
    announce(t('agendaTemplateAdded', String(templateItems.length)));
  };

  return (
    <section class="stack stack--tight" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">
        {t('agendaHeading')} {items.length > 0 && <span class="hint">{t('agendaProgress', [String(done), String(items.length)])}</span>}
      </h2>
      {items.length === 0 ? (
        <p class="hint">{t('agendaEmpty')}</p>
      ) : (
        <ol class="plain-list agenda-list">
          {items.map((item) =>
            editing === item.id ? (
              <li key={item.id} class="agenda-item" data-agenda-item={item.id}>
                <AgendaItemForm
                  idPrefix={`agenda-edit-${item.id}`}
                  label={t('agendaEditNamed', item.text)}
                  initial={item}
                  goals={openGoals}
                  submitLabel={t('save')}
                  onSubmit={(draft) => {
                    onEdit(item, draft);
                    setEditing(undefined);
                  }}
                  onCancel={() => setEditing(undefined)}
                />
              </li>
            ) : (
              <AgendaItemRow
                key={item.id}
                item={item}
                goalTitle={item.goalId === null ? undefined : goalTitle.get(item.goalId)}
                active={item.id === active?.id}
                onToggle={(checked) => onToggle(item, checked)}
                onMove={(by) => move(item, by)}
                onEdit={() => setEditing(item.id)}
                onRemove={() => {
                  onRemove(item.id);
                  announce(t('agendaRemoved', item.text));
                }}
              />
            ),
          )}
        </ol>
      )}
      <AgendaItemForm idPrefix="agenda-new" goals={openGoals} submitLabel={t('agendaAdd')} onSubmit={(draft) => onAdd([draft])} />
      <AgendaTemplatePicker ownTemplates={ownTemplates} onApply={applyTemplate} />
      {items.length > 0 && <SaveTemplateForm onSave={(name) => onSaveTemplate(name, items.map(({ text, timeBoxMinutes }) => ({ text, timeBoxMinutes })))} />}
    </section>
  );
}
