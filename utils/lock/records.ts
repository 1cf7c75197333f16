/**
 * Sealing and opening whole records, store by store, following the map in protected-fields.ts. A record cipher reads the
 * lock's state once and fetches the keys only when a sealed value is met (or a value has to be sealed), so a batch of
 * records costs one look at the session, and a locked Attune can still read records that hold nothing sealed.
 *
 * Writing while the lock is on (or being turned on) needs Attune unlocked: without the keys it throws LockedError before
 * anything is written, so clear text never reaches the disk. Reading a sealed field while locked throws LockedError too.
 * While the practice requires the lock and none is set yet, writing any clinical text throws LockRequiredError: text
 * written in the clear can stay in the browser's database files long after the lock is turned on.
 */
import { isSealed, openText, sealText } from '../crypto/cipher';
import { lookupHash, type UnlockedKeys } from '../crypto/keyring';
import { LOOKUP_FIELDS, PROTECTED_FIELDS, isProtectedStore, changeTextsAt, type ProtectedStore } from './protected-fields';
import { readSetting } from '../settings';
import { LockRequiredError, readLockRecord, requireKeys } from './state';

/** Marks an index value that is a keyed hash, never an alias (an alias cannot start with a control character). */
export const LOOKUP_PREFIX = '\u0000lookup:v1:';

export function isLookupHash(value: string): boolean {
  return value.startsWith(LOOKUP_PREFIX);
}

export interface RecordCipher {
  /** Whether records are written sealed: the lock is on, or being turned on. */
  readonly sealing: boolean;
  /**
   * A copy of `record` in the form this cipher writes to `store`: protected fields sealed (or, writing clear, opened)
   * and the lookup field made from the alias. A record already in that form comes back equal to it.
   */
  seal<T>(store: string, record: T): Promise<T>;
  /** A copy of a stored row with its protected fields as written and its lookup fields plain (still unvalidated). */
  open(store: string, row: unknown): Promise<unknown>;
  /** The index value a lookup field is stored under, in this cipher's mode. */
  storedLookup(plain: string): Promise<string>;
  /** Every index value a lookup for `plain` must try: while a conversion runs, either form may be stored. */
  lookupCandidates(plain: string): Promise<string[]>;
}

/**
 * Seals when the lock is on or being turned on; writes clear text when it is off or being turned off. `lockRequired`:
 * the `lock.required` setting, when the caller has already asked for it (see `sealRecord`).
 */
export async function recordCipher(lockRequired?: Promise<boolean>): Promise<RecordCipher> {
  const lock = await readLockRecord();
  const cipher = cipherFor(lock === undefined || lock.phase === 'opening' ? 'clear' : 'seal', lock !== undefined);
  return lock === undefined ? refusingClearTextWhileRequired(cipher, lockRequired) : cipher;
}

/**
 * The lock is off: a record holding clinical text is refused, before anything is written, if the practice requires
 * the lock (the setting is read once per cipher, and only when such a record is met).
 */
function refusingClearTextWhileRequired(cipher: RecordCipher, lockRequired?: Promise<boolean>): RecordCipher {
  let required = lockRequired;
  return {
    ...cipher,
    async seal<T>(store: string, record: T): Promise<T> {
      if (isProtectedStore(store) && (await holdsText(store, record))) {
        required ??= readSetting('lock.required');
        if (await required) throw new LockRequiredError();
      }
      return cipher.seal(store, record);
    },
  };
}

async function holdsText(store: ProtectedStore, record: unknown): Promise<boolean> {
  let found = false;
  const copy: unknown = structuredClone(record);
  for (const path of PROTECTED_FIELDS[store]) {
    await changeTextsAt(copy, path, (text) => {
      found ||= text !== '';
      return Promise.resolve(text);
    });
  }
  return found;
}

/** A cipher that writes in the given form whatever the lock's phase (the conversion pass uses it). */
export function cipherFor(mode: 'seal' | 'clear', lockIsOn: boolean, keys?: UnlockedKeys): RecordCipher {
  let pending: Promise<UnlockedKeys> | undefined = keys === undefined ? undefined : Promise.resolve(keys);
  const need = () => (pending ??= requireKeys());
  const storedLookup = async (plain: string) => (mode === 'seal' ? LOOKUP_PREFIX + (await lookupHash(await need(), plain)) : plain);
  const open = async (store: string, row: unknown): Promise<unknown> => {
    if (!isProtectedStore(store) || typeof row !== 'object' || row === null) return row;
    const copy: unknown = structuredClone(row);
    for (const path of PROTECTED_FIELDS[store]) {
      await changeTextsAt(copy, path, async (text) => (isSealed(text) ? openText((await need()).recordKey, text) : text));
    }
    const lookup = lookupOf(store);
    const plainLookup = lookup?.from(copy);
    if (lookup !== undefined && plainLookup !== undefined && typeof copy === 'object' && copy !== null) {
      Reflect.set(copy, lookup.field, plainLookup);
    }
    return copy;
  };
  return {
    sealing: mode === 'seal',
    async seal<T>(store: string, record: T): Promise<T> {
      if (!isProtectedStore(store)) return record;
      const copy = structuredClone(record);
      for (const path of PROTECTED_FIELDS[store]) {
        await changeTextsAt(copy, path, async (text) => {
          if (mode === 'seal') return isSealed(text) ? text : sealText((await need()).recordKey, text);
          return isSealed(text) ? openText((await need()).recordKey, text) : text;
        });
      }
      const lookup = lookupOf(store);
      // The lookup is made from the value as written, whatever form the record came in.
      const plainLookup = lookup?.from(mode === 'clear' ? copy : await open(store, record));
      if (lookup !== undefined && plainLookup !== undefined && typeof copy === 'object' && copy !== null) {
        Reflect.set(copy, lookup.field, await storedLookup(plainLookup));
      }
      return copy;
    },
    open,
    storedLookup,
    async lookupCandidates(plain: string): Promise<string[]> {
      if (!lockIsOn) return [plain];
      return [LOOKUP_PREFIX + (await lookupHash(await need(), plain)), plain];
    },
  };
}

function lookupOf(store: string): { field: string; from: (record: unknown) => string | undefined } | undefined {
  return store === 'clients' ? LOOKUP_FIELDS.clients : undefined;
}

/** A copy of `record` as it is to be stored now (see `recordCipher`). */
export async function sealRecord<T>(store: string, record: T): Promise<T> {
  // A write to a protected store needs the lock's state and, should the lock be off, whether the practice requires it:
  // both are read side by side (an autosave makes this check each time; one after the other took most of its time).
  const lockRequired = isProtectedStore(store) ? readSetting('lock.required') : undefined;
  lockRequired?.catch(() => undefined);
  return (await recordCipher(lockRequired)).seal(store, record);
}

/** A stored row with its protected fields opened (needs Attune unlocked if any is sealed). */
export async function openRecord(store: string, row: unknown): Promise<unknown> {
  return (await recordCipher()).open(store, row);
}
