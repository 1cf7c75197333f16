import { describe, expect, it } from 'vitest';
import { generateVisitHistory, writeVisitHistory } from '../support/seed.mjs';
import { closeAttuneDb, openAttuneDb } from '../../utils/db/open';
import { recentVisits } from '../../utils/db/visits';
import { checkInSchema } from '../../utils/checkin/record';
import { clientSchema, noteSchema, visitSchema } from '../../utils/models';

const NOW = Date.UTC(2026, 10, 20, 17, 30);
const history = generateVisitHistory({ visits: 10_000, now: NOW });

describe('generateVisitHistory', () => {
  it('builds exactly the requested number of visits, with the shapes of utils/models.ts', () => {
    expect(history.visits).toHaveLength(10_000);
    for (const client of history.clients) expect(clientSchema.safeParse(client).error).toBeUndefined();
    for (const visit of history.visits) expect(visitSchema.safeParse(visit).error).toBeUndefined();
    for (const note of history.notes) expect(noteSchema.safeParse(note).error).toBeUndefined();
    for (const checkIn of history.checkIns) expect(checkInSchema.safeParse(checkIn).error).toBeUndefined();
  });

  it('gives every visit one check-in of its own client, mostly completed, the clinician rating a little higher', () => {
    const visitById = new Map(history.visits.map((visit) => [visit.id, visit]));
    expect(history.checkIns).toHaveLength(10_000);
    expect(new Set(history.checkIns.map((checkIn) => checkIn.visitId)).size).toBe(10_000);
    expect(history.checkIns.every((checkIn) => visitById.get(checkIn.visitId)?.clientId === checkIn.clientId)).toBe(true);
    const completed = history.checkIns.filter((checkIn) => checkIn.completedAt !== null).length;
    expect(completed / 10_000).toBeGreaterThan(0.95);
    expect(completed).toBeLessThan(10_000);
    const mean = (view: 'client' | 'clinician') => {
      const values = history.checkIns.flatMap((checkIn) => Object.values(checkIn[view].answers).filter((value) => value !== null));
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    };
    expect(mean('clinician')).toBeGreaterThan(mean('client'));
  });

  it('keeps ids and alias keys unique and every note and visit pointing at a real record', () => {
    const clientIds = new Set(history.clients.map((client) => client.id));
    const visitIds = new Set(history.visits.map((visit) => visit.id));
    expect(clientIds.size).toBe(history.clients.length);
    expect(visitIds.size).toBe(history.visits.length);
    expect(new Set(history.clients.map((client) => client.aliasKey)).size).toBe(history.clients.length);
    expect(history.visits.every((visit) => clientIds.has(visit.clientId))).toBe(true);
    expect(new Set(history.notes.map((note) => note.visitId)).size).toBe(history.notes.length);
    expect(history.notes.every((note) => visitIds.has(note.visitId))).toBe(true);
  });

  it('looks like years of a real caseload: past visits on weekdays, hundreds of clients, notes of varied length', () => {
    const starts = history.visits.map((visit) => visit.startedAt);
    expect(Math.max(...history.visits.map((visit) => visit.endedAt))).toBeLessThan(NOW);
    expect(NOW - Math.max(...starts)).toBeLessThan(8 * 24 * 3_600_000);
    expect((NOW - Math.min(...starts)) / (365 * 24 * 3_600_000)).toBeGreaterThan(5);
    expect(history.visits.every((visit) => ![0, 6].includes(new Date(visit.startedAt).getDay()))).toBe(true);
    expect(history.clients.length).toBeGreaterThan(200);
    const lengths = history.notes.map((note) => note.text.length).sort((a, b) => a - b);
    expect(history.notes.length / history.visits.length).toBeGreaterThan(0.8);
    expect(lengths[Math.floor(lengths.length / 2)]).toBeGreaterThan(200);
    expect(lengths.at(-1)).toBeGreaterThan(2_000);
    expect(lengths[0]).toBeLessThan(100);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateVisitHistory({ visits: 50, now: NOW })).toEqual(generateVisitHistory({ visits: 50, now: NOW }));
    expect(generateVisitHistory({ visits: 50, now: NOW, seed: 2 })).not.toEqual(generateVisitHistory({ visits: 50, now: NOW }));
  });

  it.each([
    [{ visits: -1, now: NOW }, /visits must be a whole number/],
    [{ visits: 1.5, now: NOW }, /visits must be a whole number/],
    [{ visits: 10, now: Number.NaN }, /now must be a time/],
  ])('refuses bad options, naming the fault: %o', (options, message) => {
    expect(() => generateVisitHistory(options)).toThrow(message);
  });
});

describe('writeVisitHistory', () => {
  it('writes into the stores Attune created, where its own repositories read it back', async () => {
    await openAttuneDb();
    closeAttuneDb();
    const small = generateVisitHistory({ visits: 300, now: NOW, seed: 7 });
    expect(await writeVisitHistory(small)).toEqual({ clients: small.clients.length, visits: 300, notes: small.notes.length, checkIns: 300 });

    const newest = [...small.visits].sort((a, b) => b.startedAt - a.startedAt).slice(0, 5);
    const recent = await recentVisits(5);
    expect(recent.map((summary) => summary.visit)).toEqual(newest);
    const aliasOf = new Map(small.clients.map((client) => [client.id, client.alias]));
    expect(recent.map((summary) => summary.alias)).toEqual(newest.map((visit) => aliasOf.get(visit.clientId)));
  });

  it('refuses a database Attune has not created yet, and leaves none behind for Attune to trip over', async () => {
    await expect(writeVisitHistory(generateVisitHistory({ visits: 3, now: NOW }))).rejects.toThrow(
      /database does not exist yet; open an Attune page first/,
    );
    expect(await indexedDB.databases()).toEqual([]);
    expect(await (await openAttuneDb()).count('visits')).toBe(0);
  });
});
