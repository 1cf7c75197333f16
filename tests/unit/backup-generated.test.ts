/**
 * Generated bad backups: a deterministic generator spoils a good backup in 1,200 ways (cut short, wrong version or
 * format, a field of the wrong type, a field missing or unknown, hostile strings, broken references, not a backup at
 * all). Every one must be refused with a BackupError and leave the database exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../utils/backup/export';
import { BackupError, restoreBackup } from '../../utils/backup/restore';
import { seededRandom } from '../support/seed.mjs';
import { fillDatabase, NOW, snapshot } from './review-fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Spoiler = (backup: string, random: () => number) => { text: string; why: string };

const pick = <T>(list: readonly T[], random: () => number): T => {
  const entry = list[Math.floor(random() * list.length)];
  if (entry === undefined) throw new Error('empty list');
  return entry;
};

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A random record of a store that has records, with its path. */
function someRecord(backup: { [key: string]: Json }, random: () => number): { store: string; index: number; record: { [key: string]: Json } } {
  const stores = backup.stores;
  if (!isObject(stores)) throw new Error('no stores');
  const filled = Object.entries(stores).filter(([, records]) => Array.isArray(records) && records.length > 0);
  const [store, records] = pick(filled, random);
  if (!Array.isArray(records)) throw new Error('not a list');
  const index = Math.floor(random() * records.length);
  const record = records[index];
  if (!isObject(record)) throw new Error('not a record');
  return { store, index, record };
}

/** A value of a different JSON type from `value`, never null (several fields may be null). */
function wrongTypeFor(value: Json | undefined, random: () => number): Json {
  const options: Json[] =
    typeof value === 'string' ? [42, true, [], {}] : typeof value === 'number' ? ['42', false, [1], {}] : typeof value === 'boolean' ? [1, 'yes', []] : Array.isArray(value) ? ['list', 3, { 0: 1 }] : value === null ? [[], {}, true] : ['object', 7, [], false];
  return pick(options, random);
}

const HOSTILE_NAMES = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '=cmd|\' /C calc\'!A0', '+SUM(A1:A9)', '-2+3', '@HYPERLINK("x")', 'a\u0000b', 'tab\u0007bell'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

const spoilers: Spoiler[] = [
  (backup, random) => {
    const at = 1 + Math.floor(random() * (backup.length - 2));
    return { text: backup.slice(0, at), why: `cut at ${at}` };
  },
  (backup, random) => {
    const version = pick<Json>([0, 2, 99, -1, 1.5, '1', null, true, [1]], random);
    return { text: backup.replace('"version":1', `"version":${JSON.stringify(version)}`), why: `version ${JSON.stringify(version)}` };
  },
  (backup, random) => {
    const format = pick<Json>(['', 'attune', 'ATTUNE-BACKUP', 1, null], random);
    return { text: backup.replace('"format":"attune-backup"', `"format":${JSON.stringify(format)}`), why: `format ${JSON.stringify(format)}` };
  },
  (backup, random) => {
    const parsed: { [key: string]: Json } = JSON.parse(backup);
    const { store, index, record } = someRecord(parsed, random);
    const field = pick(Object.keys(record), random);
    record[field] = wrongTypeFor(record[field], random);
    return { text: JSON.stringify(parsed), why: `${store}.${index}.${field} of the wrong type` };
  },
  (backup, random) => {
    const parsed: { [key: string]: Json } = JSON.parse(backup);
    const { store, index, record } = someRecord(parsed, random);
    const field = pick(Object.keys(record), random);
    delete record[field];
    return { text: JSON.stringify(parsed), why: `${store}.${index}.${field} missing` };
  },
  (backup, random) => {
    // JSON.stringify cannot write a "__proto__" key, so it goes into the text the way a hostile file would carry it.
    const key = pick(PROTOTYPE_KEYS, random);
    const where = pick(['{"format"', '"stores":{', '"clients":[{', '"visits":[{', '"goals":[{'], random);
    const injected = where.endsWith('{') ? `${where}"${key}":{"polluted":true},` : `{"${key}":{"polluted":true},"format"`;
    return { text: backup.replace(where, injected), why: `${key} at ${where}` };
  },
  (backup, random) => {
    const parsed: { [key: string]: Json } = JSON.parse(backup);
    const stores = parsed.stores;
    if (!isObject(stores)) throw new Error('no stores');
    const target = pick<[string, string]>([['clients', 'alias'], ['clients', 'aliasKey'], ['visits', 'host'], ['visits', 'platform'], ['checkIns', 'instrumentId']], random);
    const records = stores[target[0]];
    const record = Array.isArray(records) ? records[0] : undefined;
    if (!isObject(record)) throw new Error('no record');
    const hostile = pick(HOSTILE_NAMES, random);
    record[target[1]] = hostile;
    return { text: JSON.stringify(parsed), why: `${target.join('.')} = ${JSON.stringify(hostile)}` };
  },
  (backup, random) => {
    const parsed: { [key: string]: Json } = JSON.parse(backup);
    const { store, index, record } = someRecord(parsed, random);
    const field = pick(Object.keys(record).filter((key) => typeof record[key] === 'string'), random);
    record[field] = 'x'.repeat(100_001 + Math.floor(random() * 1000));
    return { text: JSON.stringify(parsed), why: `${store}.${index}.${field} huge` };
  },
  (backup, random) => {
    const parsed: { [key: string]: Json } = JSON.parse(backup);
    const { store, index, record } = someRecord(parsed, random);
    const field = pick(['clientId', 'visitId'].filter((key) => key in record), random);
    record[field] = '00000000-0000-4000-8000-00000000000' + Math.floor(random() * 10);
    return { text: JSON.stringify(parsed), why: `${store}.${index}.${field} dangling` };
  },
  (_backup, random) => {
    const text = pick(['', ' ', 'null', '42', '"backup"', '[]', '[{}]', '{}', 'true', '{"stores":{}}', '\u0000'], random);
    return { text, why: `not a backup: ${JSON.stringify(text)}` };
  },
];

describe('generated bad backups', () => {
  it('refuses 1,200 spoiled backups, each with a BackupError, leaving the database unchanged', async () => {
    await fillDatabase();
    const good = await exportBackup(NOW);
    const before = await snapshot();
    const random = seededRandom(2026);
    const reasons = new Set<string>();
    for (let case_ = 0; case_ < 1200; case_ += 1) {
      let spoiled: { text: string; why: string } | undefined;
      // Some spoilers cannot apply to every record (no string field, no reference); draw again.
      while (spoiled === undefined) {
        try {
          spoiled = pick(spoilers, random)(good, random);
        } catch {
          spoiled = undefined;
        }
      }
      expect(spoiled.text, spoiled.why).not.toBe(good);
      const error = await restoreBackup(spoiled.text).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error, `case ${case_}: ${spoiled.why}`).toBeInstanceOf(BackupError);
      if (error instanceof BackupError) {
        expect(error.message, spoiled.why).toMatch(/^The file was not restored: /);
        reasons.add(error.message.slice(0, 60));
      }
      expect(await snapshot(), `case ${case_}: ${spoiled.why}`).toEqual(before);
    }
    expect(await snapshot()).toEqual(before);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    // The cases really are varied: many different faults were named.
    expect(reasons.size).toBeGreaterThan(40);
  }, 120_000);
});
