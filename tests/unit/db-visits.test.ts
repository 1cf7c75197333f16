import { describe, expect, it } from 'vitest';
import { findOrCreateClient } from '../../utils/db/clients';
import { firstLine, getNote, saveNote } from '../../utils/db/notes';
import { openAttuneDb } from '../../utils/db/open';
import { InvalidRecordError } from '../../utils/db/validated';
import { endVisit, getVisit, recentVisits, startVisit, visitMinutes, type NewVisit } from '../../utils/db/visits';
import { NOTE_MAX_LENGTH, type Visit } from '../../utils/models';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const MINUTE = 60_000;

async function newVisit(alias = 'J.D.', overrides: Partial<NewVisit> = {}): Promise<NewVisit> {
  const client = await findOrCreateClient(alias, T0);
  return { clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 50, ...overrides };
}

describe('startVisit and endVisit', () => {
  it('starts an open visit and stores it', async () => {
    const details = await newVisit();
    const visit = await startVisit(details, T0);
    expect(visit).toEqual({ id: expect.any(String), ...details, startedAt: T0, endedAt: null, endReason: null });
    expect(await getVisit(visit.id)).toEqual(visit);
  });

  it.each([
    ['plannedMinutes', { plannedMinutes: 4 }],
    ['plannedMinutes', { plannedMinutes: 241 }],
    ['plannedMinutes', { plannedMinutes: 45.5 }],
    ['platform', { platform: '' }],
    ['host', { host: '' }],
    ['clientId', { clientId: 'not-a-uuid' }],
  ])('rejects a visit with a bad %s, naming it, and stores nothing', async (field, overrides) => {
    const attempt = startVisit(await newVisit('J.D.', overrides), T0);
    await expect(attempt).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(attempt).rejects.toThrow(new RegExp(`^The visit was not saved: ${field}:`));
    expect(await (await openAttuneDb()).count('visits')).toBe(0);
  });

  it('ends a visit with its end time and reason', async () => {
    const visit = await startVisit(await newVisit(), T0);
    const ended = await endVisit(visit.id, 'manual', T0 + 50 * MINUTE);
    expect(ended).toEqual({ ...visit, endedAt: T0 + 50 * MINUTE, endReason: 'manual' });
    expect(await getVisit(visit.id)).toEqual(ended);
  });

  it('keeps the first end time and reason when a visit is ended again', async () => {
    const visit = await startVisit(await newVisit(), T0);
    await endVisit(visit.id, 'manual', T0 + 50 * MINUTE);
    const again = await endVisit(visit.id, 'tab-closed', T0 + 70 * MINUTE);
    expect(again).toMatchObject({ endedAt: T0 + 50 * MINUTE, endReason: 'manual' });
    expect(await getVisit(visit.id)).toMatchObject({ endedAt: T0 + 50 * MINUTE, endReason: 'manual' });
  });

  it('never records an end before the start, even if the clock went back', async () => {
    const visit = await startVisit(await newVisit(), T0);
    const ended = await endVisit(visit.id, 'left-call', T0 - 5 * MINUTE);
    expect(ended?.endedAt).toBe(T0);
  });

  it('returns nothing for a visit that does not exist, and creates none', async () => {
    expect(await endVisit(crypto.randomUUID(), 'manual', T0)).toBeUndefined();
    expect(await (await openAttuneDb()).count('visits')).toBe(0);
  });
});

describe('visitMinutes', () => {
  const visit = (startedAt: number, endedAt: number | null): Visit => ({
    id: crypto.randomUUID(),
    clientId: crypto.randomUUID(),
    platform: 'meet',
    host: 'meet.google.com',
    startedAt,
    endedAt,
    endReason: endedAt === null ? null : 'manual',
    plannedMinutes: 45,
  });

  it.each([
    ['an open visit counts up to now', visit(T0, null), T0 + 12 * MINUTE + 59_000, 12],
    ['an ended visit stops at its end', visit(T0, T0 + 47 * MINUTE), T0 + 300 * MINUTE, 47],
    ['under a minute is 0', visit(T0, null), T0 + 59_999, 0],
    ['a clock behind the start is 0, never negative', visit(T0, null), T0 - 10 * MINUTE, 0],
  ])('%s', (_what, v, now, minutes) => {
    expect(visitMinutes(v, now)).toBe(minutes);
  });
});

describe('notes', () => {
  it('saves and reads back a note, newest text winning', async () => {
    const visit = await startVisit(await newVisit(), T0);
    await saveNote(visit.id, 'Goals: sleep', T0 + MINUTE);
    await saveNote(visit.id, 'Goals: sleep, work stress', T0 + 2 * MINUTE);
    expect(await getNote(visit.id)).toEqual({ visitId: visit.id, text: 'Goals: sleep, work stress', updatedAt: T0 + 2 * MINUTE });
  });

  it('has no note for a visit nobody wrote about', async () => {
    expect(await getNote(crypto.randomUUID())).toBeUndefined();
  });

  it('keeps text exactly as typed, including blank lines and spaces', async () => {
    const visit = await startVisit(await newVisit(), T0);
    const text = '\n  First line  \n\n\tsecond — ünïcödé ✓\n';
    await saveNote(visit.id, text, T0);
    expect((await getNote(visit.id))?.text).toBe(text);
  });

  it('refuses a note over the maximum length, naming the field, and keeps the saved one', async () => {
    const visit = await startVisit(await newVisit(), T0);
    await saveNote(visit.id, 'kept', T0);
    await expect(saveNote(visit.id, 'x'.repeat(NOTE_MAX_LENGTH + 1), T0 + MINUTE)).rejects.toThrow(
      /^The note was not saved: text:/,
    );
    expect((await getNote(visit.id))?.text).toBe('kept');
  });
});

describe('firstLine', () => {
  it.each([
    ['', ''],
    ['\n\n   \n', ''],
    ['Sleep better', 'Sleep better'],
    ['\n\n  Sleep better  \nWork stress', 'Sleep better'],
    ['\t\nAgenda\r\nmore', 'Agenda'],
    ['y'.repeat(80), 'y'.repeat(80)],
    ['y'.repeat(81), `${'y'.repeat(79)}…`],
  ])('firstLine(%j) is %j', (text, expected) => {
    expect(firstLine(text)).toBe(expected);
  });

  it('never returns more than maxLength characters', () => {
    expect(firstLine('abcdefghij', 5)).toBe('abcd…');
    expect(firstLine('abcdefghij', 5)).toHaveLength(5);
  });
});

describe('recentVisits', () => {
  async function visitsAt(...starts: [alias: string, minutesAfterT0: number, note?: string][]) {
    const visits: Visit[] = [];
    for (const [alias, minutes, note] of starts) {
      const visit = await startVisit(await newVisit(alias), T0 + minutes * MINUTE);
      if (note !== undefined) await saveNote(visit.id, note, T0 + minutes * MINUTE);
      visits.push(visit);
    }
    return visits;
  }

  it('lists the newest visits first, with the alias and the note’s first line', async () => {
    // Created out of order, so the order must come from the start time, not from insertion.
    await visitsAt(['AB', 60, 'Panic at work\nmore'], ['CD', 0, '\n\nSleep'], ['AB', 120], ['EF', 30, '   ']);
    const summaries = await recentVisits(10);
    expect(summaries.map(({ visit, alias, notePreview }) => [visit.startedAt, alias, notePreview])).toEqual([
      [T0 + 120 * MINUTE, 'AB', ''],
      [T0 + 60 * MINUTE, 'AB', 'Panic at work'],
      [T0 + 30 * MINUTE, 'EF', ''],
      [T0, 'CD', 'Sleep'],
    ]);
  });

  it('returns at most `limit` visits, the newest ones', async () => {
    await visitsAt(['AB', 0], ['AB', 10], ['AB', 20], ['AB', 30], ['AB', 40]);
    const summaries = await recentVisits(2);
    expect(summaries.map(({ visit }) => visit.startedAt)).toEqual([T0 + 40 * MINUTE, T0 + 30 * MINUTE]);
  });

  it('truncates a long first line for the list', async () => {
    await visitsAt(['AB', 0, 'z'.repeat(200)]);
    const [summary] = await recentVisits(1);
    expect(summary?.notePreview).toBe(`${'z'.repeat(79)}…`);
  });

  it('is empty when there are no visits', async () => {
    expect(await recentVisits(20)).toEqual([]);
  });

  it('shows "?" for a visit whose client record is missing', async () => {
    await startVisit(
      { clientId: crypto.randomUUID(), platform: 'meet', host: 'meet.google.com', plannedMinutes: 45 },
      T0,
    );
    expect((await recentVisits(5)).map(({ alias }) => alias)).toEqual(['?']);
  });
});
