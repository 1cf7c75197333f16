import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../utils/backup/export';
import { BackupError, parseBackup, restoreBackup } from '../../utils/backup/restore';
import { findOrCreateClient } from '../../utils/db/clients';
import { openAttuneDb } from '../../utils/db/open';
import { V5_RECORDS } from '../fixtures/db/attune-v5';
import { emptyBrowser, fillDatabase, fillWithHistory, NOW, snapshot } from './review-fixtures';

describe('JSON backup', () => {
  it('restores to an identical database on a fresh browser: every record of every store, field for field', async () => {
    const history = await fillWithHistory(300);
    const before = await snapshot();
    expect(before.checkIns).toHaveLength(301);
    expect(before.instruments).toHaveLength(1);
    const backup = await exportBackup(NOW);
    expect(JSON.parse(backup)).toMatchObject({ format: 'attune-backup', version: 1, exportedAt: new Date(NOW).toISOString() });

    emptyBrowser();
    const counts = await restoreBackup(backup);
    expect(counts).toMatchObject({ clients: history.clients.length + 1, visits: 301, checkIns: 301, goals: 1, instruments: 1, presence: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('is safe to restore twice: the second time changes nothing and duplicates nothing', async () => {
    await fillWithHistory(50);
    const backup = await exportBackup(NOW);
    emptyBrowser();
    await restoreBackup(backup);
    const once = await snapshot();
    await restoreBackup(backup);
    expect(await snapshot()).toEqual(once);
  });

  it('merges into a database that has other clients, keeping theirs', async () => {
    await fillDatabase();
    const backup = await exportBackup(NOW);
    emptyBrowser();
    const other = await findOrCreateClient('Z.Z.', NOW);
    await restoreBackup(backup);
    const after = await snapshot();
    expect(after.clients).toEqual(expect.arrayContaining([other, ...V5_RECORDS.clients]));
    expect(after.visits).toEqual(V5_RECORDS.visits);
  });

  it('refuses, changing nothing, a backup whose alias already belongs to a different client here', async () => {
    await fillDatabase();
    const backup = await exportBackup(NOW);
    emptyBrowser();
    await findOrCreateClient(V5_RECORDS.clients[0].alias, NOW);
    const before = await snapshot();
    await expect(restoreBackup(backup)).rejects.toThrow(/clients\.0\.alias: "M\.K\." already belongs to another client here\. Nothing was changed\./);
    expect(await snapshot()).toEqual(before);
  });

  it('holds every store except the records set aside as unreadable', async () => {
    await fillDatabase();
    const db = await openAttuneDb();
    await db.add('setAside', { store: 'notes', key: 'x', value: { broken: true }, problem: 'text: Required', foundAt: NOW });
    const { setAside, ...stores } = await snapshot();
    expect(setAside).toHaveLength(1);
    expect(JSON.parse(await exportBackup(NOW)).stores).toEqual(stores);
  });

  it.each([
    ['a truncated file', (text: string) => text.slice(0, text.length / 2), /not complete JSON, perhaps cut short/],
    ['an empty file', () => '', /not complete JSON/],
    ['a list instead of a backup', () => '[]', /not an Attune backup \(expected a JSON object\)/],
    ['another program’s JSON', () => '{"format":"other","version":1}', /format is "other", expected "attune-backup"/],
    ['a newer backup version', (text: string) => text.replace('"version":1', '"version":2'), /backup version 2, and this Attune reads version 1/],
    ['a version as text', (text: string) => text.replace('"version":1', '"version":"1"'), /backup version "1"/],
    ['a visit time as text', (text: string) => text.replace(/"startedAt":(\d+)/, '"startedAt":"$1"'), /stores\.visits\.0\.startedAt: Invalid input: expected number/],
    ['an alias that is markup', (text: string) => text.replace('"alias":"M.K."', '"alias":"<img src=x onerror=alert(1)>"'), /stores\.clients\.0\.alias: must not contain < or >/],
    ['an alias that is a formula', (text: string) => text.replace('"alias":"M.K."', '"alias":"=cmd|\' /C calc\'!A0"'), /stores\.clients\.0\.alias: must not start with =, \+, -, @/],
    ['a prototype key on a record', (text: string) => text.replace('{"id":"7a1c2b0e-1a2b-4c3d-8e4f-5a6b7c8d9e01"', '{"__proto__":{"polluted":true},"id":"7a1c2b0e-1a2b-4c3d-8e4f-5a6b7c8d9e01"'), /stores\.clients\.0: Unrecognized key: "__proto__"/],
    ['a huge note', (text: string) => text.replace('"text":"Worked on the sleep plan."', `"text":"${'x'.repeat(200_000)}"`), /stores\.notes\.0\.text: Too big/],
    ['a visit of a client not in the backup', (text: string) => text.replace('"clientId":"7a1c2b0e-1a2b-4c3d-8e4f-5a6b7c8d9e01","platform"', '"clientId":"00000000-0000-4000-8000-000000000000","platform"'), /stores\.visits\.0\.clientId: refers to a client that is not in the backup/],
  ])('refuses %s with a message naming the fault, and changes nothing', async (_case, spoil, message) => {
    await fillDatabase();
    const backup = await exportBackup(NOW);
    const before = await snapshot();
    const spoiled = spoil(backup);
    expect(spoiled).not.toBe(backup);
    await expect(restoreBackup(spoiled)).rejects.toThrow(BackupError);
    await expect(restoreBackup(spoiled)).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });

  it('keeps free text as text: a note with markup and a formula restores exactly, to be shown and exported inert', async () => {
    await fillDatabase();
    const text = '<script>alert(1)</script>\n=HYPERLINK("http://x")';
    const backup = (await exportBackup(NOW)).replace('"text":"Worked on the sleep plan."', `"text":${JSON.stringify(text)}`);
    expect(parseBackup(backup).stores.notes[0]?.text).toBe(text);
  });
});
