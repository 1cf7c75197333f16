import { describe, expect, it } from 'vitest';
import { SEALED_PREFIX, SealedValueError, openText, sealText } from '../../utils/crypto/cipher';
import {
  PBKDF2_ITERATIONS,
  WeakPassphraseError,
  WrongPassphraseError,
  changePassphrase,
  createKeyring,
  lookupHash,
  unlockKeyring,
} from '../../utils/crypto/keyring';

const PASSPHRASE = 'correct horse battery';

// Each unlock is a real 600,000-iteration PBKDF2 derivation: about a second, more on a busy machine.
describe('the lock keyring', { timeout: 30_000 }, () => {
  it('derives with PBKDF2-SHA-256 at 600,000 iterations and a random 16-byte salt, and never stores the secret in the clear', async () => {
    const first = await createKeyring(PASSPHRASE);
    const second = await createKeyring(PASSPHRASE);
    expect(first.keyring.iterations).toBe(600_000);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(atob(first.keyring.salt)).toHaveLength(16);
    expect(first.keyring.salt).not.toBe(second.keyring.salt);
    expect(first.keyring.wrappedSecret).not.toBe(second.keyring.wrappedSecret);
    expect(first.keys.recordKey.extractable).toBe(false);
    expect(first.keys.lookupKey.extractable).toBe(false);
  });

  it('round-trips a note through seal and open, after unlocking again with the passphrase', async () => {
    const { keyring, keys } = await createKeyring(PASSPHRASE);
    const sealed = await sealText(keys.recordKey, 'Client described panic at work — plan: grounding.');
    expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
    expect(sealed).not.toContain('panic');
    const again = await unlockKeyring(keyring, PASSPHRASE);
    expect(await openText(again.recordKey, sealed)).toBe('Client described panic at work — plan: grounding.');
  });

  it('refuses a wrong passphrase with a clear message', async () => {
    const { keyring } = await createKeyring(PASSPHRASE);
    const attempt = unlockKeyring(keyring, 'correct horse battery!');
    await expect(attempt).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(attempt).rejects.toThrow('That passphrase is not the one that locks Attune. Check it and try again.');
  });

  it('refuses a passphrase shorter than 8 characters, naming the fault', async () => {
    await expect(createKeyring('short')).rejects.toBeInstanceOf(WeakPassphraseError);
    await expect(createKeyring('short')).rejects.toThrow(/at least 8 characters/);
  });

  it('never reuses an IV across records, even for the same text', async () => {
    const { keys } = await createKeyring(PASSPHRASE);
    const sealed = await Promise.all(Array.from({ length: 200 }, () => sealText(keys.recordKey, 'same note')));
    const ivs = sealed.map((value) => value.slice(SEALED_PREFIX.length).split(':')[0]);
    expect(new Set(ivs).size).toBe(200);
    expect(new Set(sealed).size).toBe(200);
  });

  it('keeps data readable after a passphrase change, which re-wraps only the key', async () => {
    const { keyring, keys } = await createKeyring(PASSPHRASE);
    const sealed = await sealText(keys.recordKey, 'agreed: walk daily');
    const changed = await changePassphrase(keyring, PASSPHRASE, 'a brand new phrase');
    expect(changed.salt).not.toBe(keyring.salt);
    await expect(unlockKeyring(changed, PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    const unlocked = await unlockKeyring(changed, 'a brand new phrase');
    expect(await openText(unlocked.recordKey, sealed)).toBe('agreed: walk daily');
    expect(await lookupHash(unlocked, 'jd')).toBe(await lookupHash(keys, 'jd'));
  });

  it('refuses to change the passphrase when the current one is wrong', async () => {
    const { keyring } = await createKeyring(PASSPHRASE);
    await expect(changePassphrase(keyring, 'not the phrase', 'another phrase')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses a value sealed under another key, or tampered with, instead of reading garbage', async () => {
    const mine = await createKeyring(PASSPHRASE);
    const theirs = await createKeyring(PASSPHRASE);
    const sealed = await sealText(mine.keys.recordKey, 'private');
    await expect(openText(theirs.keys.recordKey, sealed)).rejects.toBeInstanceOf(SealedValueError);
    const tampered = `${sealed.slice(0, -4)}AAA=`;
    await expect(openText(mine.keys.recordKey, tampered)).rejects.toThrow(/damaged or was sealed with another key/);
  });
});
