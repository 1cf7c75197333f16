/**
 * Instrument definitions against generated hostile input (loadInstrument): every bad definition is rejected with an
 * error naming the place at fault, and the stored instruments do not change.
 */
import { describe, expect, it } from 'vitest';
import { ALLIANCE_PARTS, InvalidInstrumentError } from '../../utils/checkin/instrument';
import { loadedInstruments, loadInstrument } from '../../utils/db/instruments';
import { openAttuneDb } from '../../utils/db/open';
import { practiceInstrument } from '../fixtures/practice-instrument';
import { HostileSource, pathLabel, pathsOf, REMOVE, valueAt, withChange, type Path } from './hostile-inputs';

const CASES = 1_500;
/** Thousands of cases take seconds; on a loaded machine, many. */
const GENERATED_CASES_TIMEOUT_MS = 120_000;

const PRACTICE_DEFINITION = practiceInstrument();

/**
 * Written independently of the zod schema: whether a replacement could be valid where it lands. A number where a number
 * was is not counted as hostile (whether it is in range depends on the other fields), nor is a plausible string.
 */
function couldBeValid(path: Path, original: unknown, replacement: unknown): boolean {
  const key = path.at(-1);
  // An item's own anchors are optional.
  if (key === 'anchors' && path[0] === 'items') return replacement === undefined;
  if (typeof original === 'number') return typeof replacement === 'number' && Number.isFinite(replacement);
  if (typeof original !== 'string' || typeof replacement !== 'string') return false;
  if (key === 'id') return /^[a-z][a-z0-9-]{0,59}$/.test(replacement);
  if (key === 'version') return replacement.trim().length >= 1 && replacement.trim().length <= 20;
  if (key === 'text') return replacement.trim().length >= 1 && replacement.trim().length <= 300;
  if (key === 'part') return (ALLIANCE_PARTS as readonly string[]).includes(replacement);
  return replacement === original;
}

/** Mutations every definition must survive being offered: one field broken, removed, or a field no definition has. */
function badDefinition(source: HostileSource): { definition: unknown; fault: RegExp } {
  const roll = source.random();
  if (roll < 0.05) {
    const definition = source.value();
    const isObject = typeof definition === 'object' && definition !== null && !Array.isArray(definition);
    return { definition, fault: isObject ? /\bid: / : /\(value\): / };
  }
  const paths = pathsOf(PRACTICE_DEFINITION);
  const path = source.pick(paths);
  const label = pathLabel(path);
  // The error names the place or, for a wording ({ text } or { key }), the wording that holds it.
  const fault = new RegExp(`\\b(${escape(label)}|${escape(pathLabel(path.slice(0, -1)))})[.:]`);
  const original = valueAt(PRACTICE_DEFINITION, path);
  const inArray = typeof path.at(-1) === 'number';
  if (roll < 0.2 && !inArray && !(path.at(-1) === 'anchors' && path[0] === 'items')) {
    return { definition: withChange(PRACTICE_DEFINITION, path, REMOVE), fault };
  }
  if (roll < 0.3 && typeof original === 'object' && original !== null && !Array.isArray(original)) {
    const extra = source.pick(['evil', 'constructor', 'script', 'onload', 'formula']);
    return { definition: withChange(PRACTICE_DEFINITION, [...path, extra], source.value()), fault: new RegExp(`${escape(label)}: .*${extra}`) };
  }
  if (roll < 0.35 && path.at(-1) === 'text' && typeof original === 'string') {
    // A translation key instead of the practice's own words: would show Attune's wording under the practice's name.
    return { definition: withChange(PRACTICE_DEFINITION, path.slice(0, -1), { key: 'checkInItemGoals' }), fault: /own text/ };
  }
  for (;;) {
    const replacement = source.value();
    if (replacement === undefined && inArray) continue;
    if (couldBeValid(path, original, replacement)) continue;
    return { definition: withChange(PRACTICE_DEFINITION, path, replacement), fault };
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function storedInstruments(): Promise<unknown[]> {
  return (await openAttuneDb()).getAll('instruments');
}

describe('hostile check-in definitions', () => {
  it('accepts the untouched definition the cases are made from (so every rejection is the mutation’s doing)', async () => {
    expect((await loadInstrument(PRACTICE_DEFINITION, 1_000)).id).toBe('practice-measure');
  });

  it(`rejects ${CASES} generated bad definitions, naming the place at fault, and stores nothing`, async () => {
    await loadInstrument({ ...PRACTICE_DEFINITION, id: 'already-loaded' }, 500);
    const before = await storedInstruments();
    const source = new HostileSource(0x1257);
    for (let index = 0; index < CASES; index += 1) {
      const { definition, fault } = badDefinition(source);
      const loading = loadInstrument(definition, 2_000 + index);
      await expect(loading, `case ${index}`).rejects.toBeInstanceOf(InvalidInstrumentError);
      await expect(loading, `case ${index}`).rejects.toThrow(/^The check-in definition was not loaded: /);
      await expect(loading, `case ${index}`).rejects.toThrow(fault);
    }
    expect(await storedInstruments()).toEqual(before);
    expect((await loadedInstruments()).map((instrument) => instrument.id)).toEqual(['already-loaded']);
  }, GENERATED_CASES_TIMEOUT_MS);
});
