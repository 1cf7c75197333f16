/**
 * Which quiet cues are due during a visit. Pure: the visit, its agenda, the client's goals, the settings and the time
 * come in; the due reminders come out. The panel decides nothing about timing itself.
 */
import type { AgendaItem } from '../agenda/schema';
import type { Goal } from '../goals/schema';
import type { Settings, TimeCues } from '../settings';
import { MINUTE_MS } from '../visit-timer';
import type { ReminderKind } from './schema';

export type ReminderDetail =
  | { cue: 'halfway' }
  | { cue: 'minutes-left'; minutes: number }
  | { cue: 'time-up' }
  | { cue: 'agenda-overrun'; itemId: string; itemText: string; timeBoxMinutes: number }
  | { cue: 'goal-midpoint' };

export interface DueReminder {
  /** Stable within the visit; the reminder log refers to it. */
  id: string;
  kind: ReminderKind;
  dueAt: number;
  detail: ReminderDetail;
}

export interface VisitTiming {
  startedAt: number;
  plannedMinutes: number;
}

/** Every time cue the settings ask for, in time order. Cues that fall at or before the start are left out. */
export function timeCuePoints(visit: VisitTiming, cues: TimeCues): DueReminder[] {
  const planned = visit.plannedMinutes * MINUTE_MS;
  const points: DueReminder[] = [];
  if (cues.halfway) points.push({ id: 'time:halfway', kind: 'time', dueAt: visit.startedAt + planned / 2, detail: { cue: 'halfway' } });
  for (const minutes of new Set(cues.minutesLeft)) {
    const at = planned - minutes * MINUTE_MS;
    if (at > 0) {
      points.push({ id: `time:left-${minutes}`, kind: 'time', dueAt: visit.startedAt + at, detail: { cue: 'minutes-left', minutes } });
    }
  }
  if (cues.atEnd) points.push({ id: 'time:up', kind: 'time', dueAt: visit.startedAt + planned, detail: { cue: 'time-up' } });
  // At the same moment a "minutes left" cue says more than "halfway"; keep the later-listed, more specific one.
  const byTime = new Map<number, DueReminder>();
  for (const point of points) byTime.set(point.dueAt, point);
  return [...byTime.values()].sort((a, b) => a.dueAt - b.dueAt);
}

/** The one time cue that applies now: the latest that has come due. A later cue supersedes an earlier one. */
export function dueTimeCue(visit: VisitTiming, cues: TimeCues, now: number): DueReminder | undefined {
  return timeCuePoints(visit, cues).filter((point) => point.dueAt <= now).at(-1);
}

/** The item being worked on: the first unchecked one, in agenda order. */
export function activeAgendaItem(items: readonly AgendaItem[]): AgendaItem | undefined {
  return [...items].sort((a, b) => a.position - b.position).find((item) => !item.done);
}

/**
 * When the active item's time box started: when the last item before it was checked off, or when the visit (or the
 * item itself, if added later) started.
 */
export function activeItemStartedAt(visit: VisitTiming, items: readonly AgendaItem[], active: AgendaItem): number {
  const lastDone = Math.max(visit.startedAt, ...items.map((item) => item.doneAt ?? 0));
  return Math.max(lastDone, active.createdAt);
}

export function dueAgendaOverrun(visit: VisitTiming, items: readonly AgendaItem[], now: number): DueReminder | undefined {
  const active = activeAgendaItem(items);
  if (active === undefined || active.timeBoxMinutes === null) return undefined;
  const dueAt = activeItemStartedAt(visit, items, active) + active.timeBoxMinutes * MINUTE_MS;
  if (now < dueAt) return undefined;
  return {
    id: `agenda:${active.id}`,
    kind: 'agenda-overrun',
    dueAt,
    detail: { cue: 'agenda-overrun', itemId: active.id, itemText: active.text, timeBoxMinutes: active.timeBoxMinutes },
  };
}

/**
 * From the midpoint on, when the client has open goals and no agenda item linked to a goal has been worked on (checked
 * off, or the one in progress), a reminder to bring the goals in. It goes away as soon as one is.
 */
export function dueGoalReminder(
  visit: VisitTiming,
  items: readonly AgendaItem[],
  goals: readonly Goal[],
  now: number,
): DueReminder | undefined {
  const midpoint = visit.startedAt + (visit.plannedMinutes * MINUTE_MS) / 2;
  if (now < midpoint || !goals.some((goal) => goal.status === 'open')) return undefined;
  const active = activeAgendaItem(items);
  const touched = items.some((item) => item.goalId !== null && (item.done || item.id === active?.id));
  if (touched) return undefined;
  return { id: 'goal-midpoint', kind: 'goal-midpoint', dueAt: midpoint, detail: { cue: 'goal-midpoint' } };
}

export interface CueInputs {
  visit: VisitTiming;
  items: readonly AgendaItem[];
  goals: readonly Goal[];
  settings: Settings;
  now: number;
}

/** Every reminder due now, oldest first. */
export function dueReminders({ visit, items, goals, settings, now }: CueInputs): DueReminder[] {
  return [
    dueTimeCue(visit, settings['cues.time'], now),
    settings['cues.agendaOverrun'] ? dueAgendaOverrun(visit, items, now) : undefined,
    settings['cues.goalReminder'] ? dueGoalReminder(visit, items, goals, now) : undefined,
  ]
    .filter((reminder): reminder is DueReminder => reminder !== undefined)
    .sort((a, b) => a.dueAt - b.dueAt);
}
