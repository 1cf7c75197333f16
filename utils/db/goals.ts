import { goalSchema, type Goal } from '../goals/schema';
import { sealRecord } from '../lock/records';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

/** Every goal of a client, open and met, oldest first. */
export async function listGoals(clientId: string): Promise<Goal[]> {
  const db = await openAttuneDb();
  const rows = await db.getAllFromIndex('goals', 'byClient', clientId);
  const goals = await validRows('goals', keyField('id'), goalSchema, rows, db);
  return goals.sort((a, b) => a.createdAt - b.createdAt);
}

export async function addGoal(clientId: string, title: string, note: string, now: number): Promise<Goal> {
  const goal = validForWrite(
    goalSchema,
    { id: crypto.randomUUID(), clientId, title: title.trim(), note: note.trim(), status: 'open', createdAt: now, metAt: null, ratings: [] },
    'goal',
  );
  await put(goal);
  return goal;
}

/** Records a goal-attainment rating (−2…+2) made in this visit; a second rating in the same visit replaces the first. */
export async function rateGoal(goal: Goal, value: number, visitId: string, now: number): Promise<Goal> {
  const earlier = goal.ratings.filter((rating) => rating.visitId !== visitId);
  const rated = validForWrite(goalSchema, { ...goal, ratings: [...earlier, { value, at: now, visitId }] }, 'goal rating');
  await put(rated);
  return rated;
}

/** A met goal is archived: kept with its history, no longer carried into visits. Reopening brings it back. */
export async function setGoalMet(goal: Goal, met: boolean, now: number): Promise<Goal> {
  const changed = validForWrite(goalSchema, { ...goal, status: met ? 'met' : 'open', metAt: met ? now : null }, 'goal');
  await put(changed);
  return changed;
}

async function put(goal: Goal): Promise<void> {
  const stored = await sealRecord('goals', goal);
  const db = await openAttuneDb();
  const tx = db.transaction('goals', 'readwrite', { durability: 'strict' });
  await tx.store.put(stored);
  await tx.done;
}
