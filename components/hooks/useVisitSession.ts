import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { moveItem } from '../../utils/agenda/carry-over';
import type { AgendaItem, AgendaTemplate, AgendaTemplateItem } from '../../utils/agenda/schema';
import {
  addAgendaItems,
  deleteAgendaItem,
  listAgenda,
  listAgendaTemplates,
  saveAgendaItems,
  saveAgendaTemplate,
  type NewAgendaItem,
} from '../../utils/db/agenda';
import { addGoal, listGoals, rateGoal, setGoalMet } from '../../utils/db/goals';
import { lastTimeFor, type LastTime } from '../../utils/db/last-time';
import { getNextTime } from '../../utils/db/next-time';
import { listReminderLog, logReminders } from '../../utils/db/reminder-log';
import type { Goal } from '../../utils/goals/schema';
import type { Visit } from '../../utils/models';
import type { NextTime } from '../../utils/next-time/schema';
import type { ReminderLogEntry } from '../../utils/reminders/schema';

export interface VisitSessionData {
  items: AgendaItem[];
  goals: Goal[];
  log: ReminderLogEntry[];
  templates: AgendaTemplate[];
  lastTime: LastTime | undefined;
  /** This visit's homework and note for next time, as saved so far. */
  nextTime: NextTime | undefined;
}

export interface VisitSession extends VisitSessionData {
  loaded: boolean;
  addItems(additions: readonly NewAgendaItem[]): Promise<boolean>;
  editItem(item: AgendaItem): Promise<boolean>;
  setItemDone(item: AgendaItem, done: boolean): Promise<boolean>;
  moveItem(itemId: string, by: -1 | 1): Promise<boolean>;
  removeItem(itemId: string): Promise<boolean>;
  carryOver(items: readonly AgendaItem[]): Promise<boolean>;
  saveTemplate(name: string, items: readonly AgendaTemplateItem[]): Promise<boolean>;
  addGoal(title: string, note: string): Promise<boolean>;
  rateGoal(goal: Goal, value: number): Promise<boolean>;
  setGoalMet(goal: Goal, met: boolean): Promise<boolean>;
  logReminders(entries: readonly Omit<ReminderLogEntry, 'id' | 'visitId'>[]): Promise<boolean>;
}

const EMPTY: VisitSessionData = { items: [], goals: [], log: [], templates: [], lastTime: undefined, nextTime: undefined };

/**
 * Everything the panel shows about the visit in progress besides the note, loaded from the database, with actions that
 * save first and then update what is shown (so the screen never claims what the database does not hold). Actions run
 * one at a time, in the order asked for, each on what the one before it left. Failures go to `onError`; the shown state
 * then stays as it was.
 */
export function useVisitSession(visit: Visit | undefined, onError: (error: unknown) => void): VisitSession {
  const [data, setShown] = useState<VisitSessionData>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  // What each action builds on: kept in step with every update, before the panel draws it, so an action queued behind
  // another (below) starts from that one's result.
  const latest = useRef(data);
  const setData = useCallback((next: VisitSessionData | ((before: VisitSessionData) => VisitSessionData)) => {
    latest.current = typeof next === 'function' ? next(latest.current) : next;
    setShown(latest.current);
  }, []);

  const reload = useCallback(async () => {
    if (visit === undefined) return;
    const [items, goals, log, templates, nextTime] = await Promise.all([
      listAgenda(visit.id),
      listGoals(visit.clientId),
      listReminderLog(visit.id),
      listAgendaTemplates(),
      getNextTime(visit.id),
    ]);
    const lastTime = await lastTimeFor(visit, items);
    setData({ items, goals, log, templates, lastTime, nextTime });
    setLoaded(true);
  }, [visit?.id]);

  useEffect(() => {
    setData(EMPTY);
    setLoaded(false);
    void reload().catch(onError);
  }, [reload]);

  // One action at a time, in the order the clinician made them. Each seals what it writes first when the lock is on,
  // and sealings can finish out of order: run side by side, a quick untick could be stored before the tick before it.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  // An item or goal as the actions before this one left it (the one shown may not have been drawn again yet).
  const latestItem = (item: AgendaItem) => latest.current.items.find((each) => each.id === item.id) ?? item;
  const latestGoal = (goal: Goal) => latest.current.goals.find((each) => each.id === goal.id) ?? goal;

  // Each action resolves true once saved and shown, false when there is no visit or it failed (reported to onError).
  const run = <A extends unknown[]>(action: (visit: Visit, ...args: A) => Promise<void>) =>
    (...args: A): Promise<boolean> => {
      if (visit === undefined) return Promise.resolve(false);
      const done = queue.current.then(async () => {
        try {
          await action(visit, ...args);
          return true;
        } catch (error) {
          onError(error);
          return false;
        }
      });
      queue.current = done;
      return done;
    };

  return {
    ...data,
    loaded,
    addItems: run(async (current, additions: readonly NewAgendaItem[]) => {
      const added = await addAgendaItems(current, additions, Date.now());
      setData((before) => ({ ...before, items: [...before.items, ...added] }));
    }),
    editItem: run(async (_current, item: AgendaItem) => {
      await saveAgendaItems([item]);
      setData((before) => ({ ...before, items: before.items.map((old) => (old.id === item.id ? item : old)) }));
    }),
    setItemDone: run(async (_current, item: AgendaItem, done: boolean) => {
      const changed = { ...latestItem(item), done, doneAt: done ? Date.now() : null };
      await saveAgendaItems([changed]);
      setData((before) => ({ ...before, items: before.items.map((old) => (old.id === item.id ? changed : old)) }));
    }),
    moveItem: run(async (_current, itemId: string, by: -1 | 1) => {
      const changed = moveItem(latest.current.items, itemId, by);
      if (changed.length === 0) return;
      await saveAgendaItems(changed);
      const byId = new Map(changed.map((item) => [item.id, item]));
      setData((before) => ({
        ...before,
        items: before.items.map((item) => byId.get(item.id) ?? item).sort((a, b) => a.position - b.position),
      }));
    }),
    removeItem: run(async (_current, itemId: string) => {
      await deleteAgendaItem(itemId);
      setData((before) => ({ ...before, items: before.items.filter((item) => item.id !== itemId) }));
    }),
    carryOver: run(async (current, items: readonly AgendaItem[]) => {
      const added = await addAgendaItems(
        current,
        items.map((item) => ({ text: item.text, timeBoxMinutes: item.timeBoxMinutes, goalId: item.goalId, carriedFromId: item.id })),
        Date.now(),
      );
      const carried = new Set(items.map((item) => item.id));
      setData((before) => ({
        ...before,
        items: [...before.items, ...added],
        lastTime:
          before.lastTime === undefined
            ? undefined
            : { ...before.lastTime, unfinished: before.lastTime.unfinished.filter((item) => !carried.has(item.id)) },
      }));
    }),
    saveTemplate: run(async (_current, name: string, items: readonly AgendaTemplateItem[]) => {
      const template = await saveAgendaTemplate(name, items, Date.now());
      setData((before) => ({
        ...before,
        templates: [...before.templates, template].sort((a, b) => a.name.localeCompare(b.name)),
      }));
    }),
    addGoal: run(async (current, title: string, note: string) => {
      const goal = await addGoal(current.clientId, title, note, Date.now());
      setData((before) => ({ ...before, goals: [...before.goals, goal] }));
    }),
    rateGoal: run(async (current, goal: Goal, value: number) => {
      const rated = await rateGoal(latestGoal(goal), value, current.id, Date.now());
      setData((before) => ({ ...before, goals: before.goals.map((old) => (old.id === goal.id ? rated : old)) }));
    }),
    setGoalMet: run(async (_current, goal: Goal, met: boolean) => {
      const changed = await setGoalMet(latestGoal(goal), met, Date.now());
      setData((before) => ({ ...before, goals: before.goals.map((old) => (old.id === goal.id ? changed : old)) }));
    }),
    logReminders: run(async (current, entries: readonly Omit<ReminderLogEntry, 'id' | 'visitId'>[]) => {
      const logged = await logReminders(entries.map((entry) => ({ ...entry, visitId: current.id })));
      setData((before) => ({ ...before, log: [...before.log, ...logged] }));
    }),
  };
}
