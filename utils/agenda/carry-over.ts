/** What carries from one visit to the next with the same client. Pure; the repositories supply the records. */
import type { Goal } from '../goals/schema';
import type { AgendaItem } from './schema';

/**
 * Items the last visit left unchecked that the current visit has not taken on yet, in their old order. An item
 * carried into the last visit and left unchecked again is offered again (it is that visit's item now).
 */
export function unfinishedItems(previous: readonly AgendaItem[], current: readonly AgendaItem[]): AgendaItem[] {
  const taken = new Set(current.map((item) => item.carriedFromId).filter((id) => id !== null));
  return previous
    .filter((item) => !item.done && !taken.has(item.id))
    .sort((a, b) => a.position - b.position);
}

/** Goals still being worked on, oldest first; met goals are archived and do not carry. */
export function openGoals(goals: readonly Goal[]): Goal[] {
  return goals.filter((goal) => goal.status === 'open').sort((a, b) => a.createdAt - b.createdAt);
}

/** The position after the last item, for appending. */
export function nextPosition(items: readonly AgendaItem[]): number {
  return items.reduce((max, item) => Math.max(max, item.position + 1), 0);
}

/**
 * The agenda with one item moved one place up (-1) or down (+1), renumbered 0…n-1 in the new order. Moving the first
 * item up or the last down changes nothing. Only items whose position changed are returned, ready to save.
 */
export function moveItem(items: readonly AgendaItem[], itemId: string, by: -1 | 1): AgendaItem[] {
  const ordered = [...items].sort((a, b) => a.position - b.position);
  const from = ordered.findIndex((item) => item.id === itemId);
  const to = from + by;
  if (from === -1 || to < 0 || to >= ordered.length) return [];
  const [moved] = ordered.splice(from, 1);
  if (moved === undefined) return [];
  ordered.splice(to, 0, moved);
  return ordered.flatMap((item, position) => (item.position === position ? [] : [{ ...item, position }]));
}
