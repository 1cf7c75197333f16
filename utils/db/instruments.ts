import {
  ATTUNE_CHECK_IN,
  parseInstrumentDefinition,
  SHIPPED_INSTRUMENTS,
  storedInstrumentSchema,
  InvalidInstrumentError,
  instrumentKey,
  type Instrument,
} from '../checkin/instrument';
import { readSettingsWithProblems } from '../settings';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

/**
 * Loads a practice's instrument definition (e.g. a validated measure it holds a licence for). A bad definition, or one
 * whose id and version are already loaded with different content, is rejected with the reason; nothing stored changes.
 */
export async function loadInstrument(definition: unknown, now: number): Promise<Instrument> {
  const instrument = parseInstrumentDefinition(definition);
  const record = validForWrite(storedInstrumentSchema, { key: instrumentKey(instrument.id, instrument.version), definition: instrument, loadedAt: now }, 'check-in definition');
  const db = await openAttuneDb();
  const tx = db.transaction('instruments', 'readwrite', { durability: 'strict' });
  const existing = await tx.store.get(record.key);
  if (existing !== undefined && JSON.stringify(existing.definition) !== JSON.stringify(instrument)) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new InvalidInstrumentError(
      `The check-in definition was not loaded: version: "${instrument.version}" of "${instrument.id}" is already loaded with different content; give the changed definition a new version.`,
    );
  }
  if (existing === undefined) await tx.store.add(record);
  await tx.done;
  return instrument;
}

/** The instrument a check-in was recorded with: shipped, or loaded by the practice. */
export async function instrumentFor(id: string, version: string): Promise<Instrument | undefined> {
  const shipped = SHIPPED_INSTRUMENTS.find((instrument) => instrument.id === id && instrument.version === version);
  if (shipped !== undefined) return shipped;
  const db = await openAttuneDb();
  const row = await db.get('instruments', instrumentKey(id, version));
  if (row === undefined) return undefined;
  const [valid] = await validRows('instruments', keyField('key'), storedInstrumentSchema, [row], db);
  return valid?.definition;
}

/** Every loaded instrument, for choosing one. */
export async function loadedInstruments(): Promise<Instrument[]> {
  const db = await openAttuneDb();
  const rows = await validRows('instruments', keyField('key'), storedInstrumentSchema, await db.getAll('instruments'), db);
  return rows.map((row) => row.definition);
}

/**
 * The instrument new check-ins use: the one the settings name, or Attune's own when that one is not loaded (with a
 * problem to show, naming it, so a practice notices its measure is missing). When the practice's policy supplies the
 * definition, it is loaded here on first use, so check-ins made with it can be read after the policy changes.
 */
export async function activeInstrument(key: string): Promise<{ instrument: Instrument; problem?: string }> {
  const { practiceInstrument } = await readSettingsWithProblems();
  if (practiceInstrument !== undefined && instrumentKey(practiceInstrument.id, practiceInstrument.version) === key) {
    try {
      return { instrument: await loadInstrument(practiceInstrument, Date.now()) };
    } catch (failure) {
      if (!(failure instanceof InvalidInstrumentError)) throw failure;
      return { instrument: ATTUNE_CHECK_IN, problem: `Your practice's check-in could not be used, so Attune's own check-in is used. ${failure.message}` };
    }
  }
  const at = key.lastIndexOf('@');
  const found = at > 0 ? await instrumentFor(key.slice(0, at), key.slice(at + 1)) : undefined;
  if (found !== undefined) return { instrument: found };
  return { instrument: ATTUNE_CHECK_IN, problem: `The check-in "${key}" chosen in the settings is not loaded, so Attune's own check-in is used.` };
}
