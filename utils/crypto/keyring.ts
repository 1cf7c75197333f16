/**
 * The lock's keyring. A random 256-bit master secret is sealed (AES-256-GCM) under a key derived from the passphrase
 * (PBKDF2-SHA-256, 600,000 iterations, random 16-byte salt). Changing the passphrase re-seals only this secret, so no
 * record has to be re-encrypted. GCM's tag is the verifier: a wrong passphrase cannot open the secret and is refused.
 * From the secret, HKDF derives the non-extractable keys the records use; the secret itself is never stored in the clear.
 */
import { z } from 'zod';
import { fromBase64, toBase64 } from './cipher';
import { createDraftKey, draftKeySchema } from './draft-key';

export const PBKDF2_ITERATIONS = 600_000;
export const PASSPHRASE_MIN_LENGTH = 8;
const SALT_BYTES = 16;
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

export const keyringSchema = z.object({
  version: z.literal(1),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(PBKDF2_ITERATIONS).max(10_000_000),
  salt: base64,
  iv: base64,
  /** The master secret, sealed under the passphrase's key. */
  wrappedSecret: base64,
  /** Seals a draft when Attune locks (utils/crypto/draft-key.ts); keyrings made before it gain one at the next unlock. */
  draftKey: draftKeySchema.optional(),
});
export type Keyring = z.infer<typeof keyringSchema>;

/** The keys an unlocked Attune holds in memory: one seals record fields, one makes keyed hashes for lookups. */
export interface UnlockedKeys {
  recordKey: CryptoKey;
  lookupKey: CryptoKey;
}

export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
  constructor() {
    super('That passphrase is not the one that locks Attune. Check it and try again.');
  }
}

export class WeakPassphraseError extends Error {
  override name = 'WeakPassphraseError';
  constructor() {
    super(`The passphrase is too short: use at least ${PASSPHRASE_MIN_LENGTH} characters.`);
  }
}

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function sealSecret(secret: Uint8Array<ArrayBuffer>, passphrase: string): Promise<Keyring> {
  if (passphrase.length < PASSPHRASE_MIN_LENGTH) throw new WeakPassphraseError();
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, PBKDF2_ITERATIONS);
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, secret));
  return {
    version: 1,
    kdf: 'PBKDF2-SHA-256',
    iterations: PBKDF2_ITERATIONS,
    salt: toBase64(salt),
    iv: toBase64(iv),
    wrappedSecret: toBase64(wrapped),
  };
}

async function openSecret(keyring: Keyring, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = await passphraseKey(passphrase, fromBase64(keyring.salt), keyring.iterations);
  try {
    const iv = fromBase64(keyring.iv);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, fromBase64(keyring.wrappedSecret)));
  } catch {
    throw new WrongPassphraseError();
  }
}

/** The master secret itself, for the browser session's keeping (see utils/lock/state.ts); a wrong passphrase throws. */
export async function openKeyringSecret(keyring: Keyring, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  return openSecret(keyring, passphrase);
}

/** The record and lookup keys derived from a master secret; the bytes passed in are zeroed. */
export async function keysFrom(secret: Uint8Array<ArrayBuffer>): Promise<UnlockedKeys> {
  const master = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  secret.fill(0);
  const info = (label: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(label) });
  const [recordKey, lookupKey] = await Promise.all([
    crypto.subtle.deriveKey(info('attune records v1'), master, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    crypto.subtle.deriveKey(info('attune lookups v1'), master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
  ]);
  return { recordKey, lookupKey };
}

/** A new keyring for `passphrase`, its keys, and its master secret (for the session to hold while unlocked). */
export async function createKeyring(
  passphrase: string,
): Promise<{ keyring: Keyring; keys: UnlockedKeys; secret: Uint8Array<ArrayBuffer> }> {
  const secret = crypto.getRandomValues(new Uint8Array(32));
  const keys = await keysFrom(new Uint8Array(secret));
  const keyring = { ...(await sealSecret(secret, passphrase)), draftKey: await createDraftKey(keys.recordKey) };
  return { keyring, keys, secret };
}

/** The keyring's keys; a wrong passphrase throws WrongPassphraseError. Costs one PBKDF2 derivation (about a second). */
export async function unlockKeyring(keyring: Keyring, passphrase: string): Promise<UnlockedKeys> {
  return keysFrom(await openSecret(keyring, passphrase));
}

/** The same secret sealed under a new passphrase (and a new salt); the records stay readable with no re-encryption. */
export async function changePassphrase(keyring: Keyring, current: string, next: string): Promise<Keyring> {
  const secret = await openSecret(keyring, current);
  try {
    // Everything else in the keyring (the draft key) is sealed under the secret, which does not change.
    return { ...keyring, ...(await sealSecret(secret, next)) };
  } finally {
    secret.fill(0);
  }
}

/** A keyed hash (HMAC-SHA-256, first 128 bits, base64) so an index can match a value without storing it. */
export async function lookupHash(keys: UnlockedKeys, value: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.lookupKey, new TextEncoder().encode(value));
  return toBase64(new Uint8Array(mac).subarray(0, 16));
}
