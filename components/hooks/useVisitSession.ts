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

/** What the clinician can edit about an agenda item. */
export type AgendaItemEdit = Pick<AgendaItem, 'text' | 'timeBoxMinutes' | 'goalId'>;

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
  /** Saves new words, time box or goal link for an item, keeping whatever else has changed about it meanwhile. */
  editItem(item: AgendaItem, edit: AgendaItemEdit): Promise<boolean>;
  setItemDone(item: AgendaItem, done: boolean): Promise<boolean>;
  moveItem(itemId: string, by: -1 | 1): Promise<boolean>;
  removeItem(itemId: string): Promise<boolean>;
  /** Adds last visit's unfinished items to this agenda; resolves to how many were added (0 on failure). */
  carryOver(items: readonly AgendaItem[]): Promise<number>;
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
  // One action at a time, in the order the clinician made them, after the visit's first load. Each seals what it
  // writes first when the lock is on, and sealings can finish out of order: run side by side, a quick untick could be
  // stored before the tick before it; and a load that finished after an action would hide what it added.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
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
    queue.current = queue.current.then(reload).catch(onError);
  }, [reload]);

  // An item or goal as the actions before this one left it (the one shown may not have been drawn again yet); an item
  // removed meanwhile is gone, and is not written back.
  const latestItem = (item: AgendaItem) => latest.current.items.find((each) => each.id === item.id);
  const latestGoal = (goal: Goal) => latest.current.goals.find((each) => each.id === goal.id) ?? goal;

  // A saved item or goal, in place of what was shown for it.
  const showItem = (changed: AgendaItem) =>
    setData((before) => ({ ...before, items: before.items.map((old) => (old.id === changed.id ? changed : old)) }));
  const showGoal = (changed: Goal) =>
    setData((before) => ({ ...before, goals: before.goals.map((old) => (old.id === changed.id ? changed : old)) }));

  // An action, queued: resolves to its result once saved and shown, or to `failed` when there is no visit or it failed
  // (reported to onError).
  const queued = <A extends unknown[], R>(action: (visit: Visit, ...args: A) => Promise<R>, failed: R) =>
    (...args: A): Promise<R> => {
      if (visit === undefined) return Promise.resolve(failed);
      const done = queue.current.then(async () => {
        try {
          return await action(visit, ...args);
        } catch (error) {
          onError(error);
          return failed;
        }
      });
      queue.current = done;
      return done;
    };
  // Most actions resolve true once saved and shown, false when there is no visit or it failed.
  const run = <A extends unknown[]>(action: (visit: Visit, ...args: A) => Promise<void>) =>
    queued(async (current: Visit, ...args: A) => {
      await action(current, ...args);
      return true;
    }, false);

  return {
    ...data,
    loaded,
    addItems: run(async (current, additions: readonly NewAgendaItem[]) => {
      const added = await addAgendaItems(current, additions, Date.now());
      setData((before) => ({ ...before, items: [...before.items, ...added] }));
    }),
    editItem: run(async (_current, item: AgendaItem, edit: AgendaItemEdit) => {
      const current = latestItem(item);
      if (current === undefined) return;
      const changed = { ...current, text: edit.text, timeBoxMinutes: edit.timeBoxMinutes, goalId: edit.goalId };
      await saveAgendaItems([changed]);
      showItem(changed);
    }),
    setItemDone: run(async (_current, item: AgendaItem, done: boolean) => {
      const current = latestItem(item);
      if (current === undefined) return;
      const changed = { ...current, done, doneAt: done ? Date.now() : null };
      await saveAgendaItems([changed]);
      showItem(changed);
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
    carryOver: queued(async (current, items: readonly AgendaItem[]) => {
      // Only what is still waiting to be carried: a second click while the first is saved adds nothing.
      const waiting = new Set(latest.current.lastTime?.unfinished.map((item) => item.id));
      const carrying = items.filter((item) => waiting.has(item.id));
      if (carrying.length === 0) return 0;
      const added = await addAgendaItems(
        current,
        carrying.map((item) => ({ text: item.text, timeBoxMinutes: item.timeBoxMinutes, goalId: item.goalId, carriedFromId: item.id })),
        Date.now(),
      );
      const carried = new Set(carrying.map((item) => item.id));
      setData((before) => ({
        ...before,
        items: [...before.items, ...added],
        lastTime:
          before.lastTime === undefined
            ? undefined
            : { ...before.lastTime, unfinished: before.lastTime.unfinished.filter((item) => !carried.has(item.id)) },
      }));
      return added.length;
    }, 0),
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
      showGoal(rated);
    }),
    setGoalMet: run(async (_current, goal: Goal, met: boolean) => {
      const changed = await setGoalMet(latestGoal(goal), met, Date.now());
      showGoal(changed);
    }),
    logReminders: run(async (current, entries: readonly Omit<ReminderLogEntry, 'id' | 'visitId'>[]) => {
      const logged = await logReminders(entries.map((entry) => ({ ...entry, visitId: current.id })));
      setData((before) => ({ ...before, log: [...before.log, ...logged] }));
    }),
  };
}
