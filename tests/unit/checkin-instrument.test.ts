import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { ATTUNE_CHECK_IN, InvalidInstrumentError, parseInstrumentDefinition, SHIPPED_INSTRUMENTS } from '../../utils/checkin/instrument';
import { activeInstrument, instrumentFor, loadInstrument, loadedInstruments } from '../../utils/db/instruments';
import { practiceInstrument } from './checkin-fixtures';

function keysIn(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  if ('key' in value && typeof value.key === 'string') return [value.key];
  return Object.values(value).flatMap(keysIn);
}

describe('the shipped check-in', () => {
  it('covers goals, tasks, bond and overall on 0–10 and says it is a conversation aid', () => {
    expect(ATTUNE_CHECK_IN.items.map((item) => item.part)).toEqual(['goal', 'task', 'bond', 'overall']);
    expect(ATTUNE_CHECK_IN.scale).toEqual({ min: 0, max: 10 });
    expect(english.checkInInstrumentNotice.message).toMatch(/conversation aid.*not a validated scale/);
  });

  it.each(SHIPPED_INSTRUMENTS.map((instrument) => [instrument.id, instrument] as const))('%s has a translation for every key', (_id, instrument) => {
    const keys = keysIn(instrument);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(Object.keys(english), key).toContain(key);
  });

  it('does not use the wording of copyrighted measures', () => {
    const text = keysIn(ATTUNE_CHECK_IN)
      .map((key) => (english as Record<string, { message: string }>)[key]?.message ?? '')
      .join(' ')
      .toLowerCase();
    for (const phrase of ['heard, understood, and respected', 'what i wanted to work on and talk about', 'approach is a good fit', 'something missing in the session', 'session rating scale', 'working alliance inventory']) {
      expect(text).not.toContain(phrase);
    }
  });
});

describe('loading a practice definition', () => {
  it('accepts a valid definition with a custom scale and keeps it for scoring past check-ins', async () => {
    const loaded = await loadInstrument(practiceInstrument(), 1_000);
    expect(loaded.scale).toEqual({ min: 1, max: 7 });
    expect(await instrumentFor('practice-measure', '2')).toEqual(loaded);
    expect(await instrumentFor('attune-brief-check-in', '1')).toBe(ATTUNE_CHECK_IN);
  });

  it.each([
    ['no items', { items: [] }, 'items: Too small'],
    ['an unknown part', { items: [{ id: 'a', part: 'rapport', text: { text: 'x' } }] }, 'items.0.part'],
    ['two items with one id', { items: [{ id: 'a', part: 'goal', text: { text: 'x' } }, { id: 'a', part: 'bond', text: { text: 'y' } }] }, 'items.1.id: "a" is used by two items'],
    ['an upside-down scale', { scale: { min: 7, max: 1 } }, 'scale.max: must be greater than scale.min'],
    ['a threshold outside the total', { rules: { totalBelow: 50, itemBelow: 4, dropOf: 3, viewGapOf: 4 } }, 'rules.totalBelow: must be above 3 and at most 21'],
    ['an item threshold outside the scale', { rules: { totalBelow: 15, itemBelow: 9, dropOf: 3, viewGapOf: 4 } }, 'rules.itemBelow: must be above 1 and at most 7'],
    ['a zero change amount', { rules: { totalBelow: 15, itemBelow: 4, dropOf: 0, viewGapOf: 4 } }, 'rules.dropOf'],
    ['a missing gap amount', { rules: { totalBelow: 15, itemBelow: 4, dropOf: 3 } }, 'rules.viewGapOf'],
    ['a scoring method Attune does not know', { scoring: { method: 'mean' } }, 'scoring.method'],
    ['an unknown field', { colour: 'blue' }, 'colour'],
    ['a translation key instead of its own text', { title: { key: 'checkInInstrumentTitle' } }, 'title: must be the practice’s own text'],
    ['the id of the shipped check-in', { id: 'attune-brief-check-in' }, 'id: "attune-brief-check-in" belongs to a check-in that ships with Attune'],
  ])('rejects a definition with %s, naming the fault, and stores nothing', async (_case, overrides, fault) => {
    const loading = loadInstrument(practiceInstrument(overrides), 1_000);
    await expect(loading).rejects.toBeInstanceOf(InvalidInstrumentError);
    await expect(loading).rejects.toThrow(fault);
    expect(await loadedInstruments()).toEqual([]);
  });

  it('rejects something that is not a definition at all', () => {
    expect(() => parseInstrumentDefinition('{"id": 1}')).toThrow(/not loaded: \(value\)/);
  });

  it('refuses to replace a loaded version with different content, and keeps the first', async () => {
    const first = await loadInstrument(practiceInstrument(), 1_000);
    await expect(loadInstrument(practiceInstrument({ title: { text: 'Changed' } }), 2_000)).rejects.toThrow('version: "2" of "practice-measure" is already loaded with different content');
    expect(await loadedInstruments()).toEqual([first]);
    // Loading the same definition again is harmless.
    await loadInstrument(practiceInstrument(), 3_000);
    expect(await loadedInstruments()).toEqual([first]);
  });
});

describe('the instrument new check-ins use', () => {
  it.each([
    ['the default setting', 'attune-brief-check-in@1', 'attune-brief-check-in', undefined],
    ['a loaded practice instrument', 'practice-measure@2', 'practice-measure', undefined],
    ['a version that was never loaded', 'practice-measure@3', 'attune-brief-check-in', 'The check-in "practice-measure@3" chosen in the settings is not loaded'],
    ['no version at all', 'practice-measure', 'attune-brief-check-in', 'not loaded'],
  ])('%s', async (_case, key, expectedId, problem) => {
    await loadInstrument(practiceInstrument(), 1_000);
    const active = await activeInstrument(key);
    expect(active.instrument.id).toBe(expectedId);
    if (problem === undefined) expect(active.problem).toBeUndefined();
    else expect(active.problem).toContain(problem);
  });
});
