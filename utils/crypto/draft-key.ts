/**
 * Sealing a draft when Attune has just locked, i.e. when the master secret is already gone. The keyring holds an ECDH
 * P-256 key pair: its public key in the clear, its private key sealed under the record key (so only an unlocked Attune
 * can open what was sealed to it). A draft is sealed with a fresh ephemeral key pair: ECDH with the stored public key,
 * HKDF-SHA-256 of the shared secret (salted with the ephemeral public key) gives a one-use AES-256-GCM key. Anyone can
 * seal; only the passphrase can open.
 */
import { z } from 'zod';
import { fromBase64, openText, sealText, toBase64 } from './cipher';

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

export const draftKeySchema = z.object({
  /** The public key, raw uncompressed P-256 point. */
  publicKey: base64,
  /** The private key (PKCS #8), sealed under the record key like any protected field. */
  sealedPrivateKey: z.string().min(1),
});
export type DraftKey = z.infer<typeof draftKeySchema>;

export const sealedDraftSchema = z.object({
  ephemeralPublicKey: base64,
  iv: base64,
  ciphertext: base64,
});
export type SealedDraft = z.infer<typeof sealedDraftSchema>;

export class DraftOpenError extends Error {
  override name = 'DraftOpenError';
}

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** A new draft key pair, its private half sealed under `recordKey`. */
export async function createDraftKey(recordKey: CryptoKey): Promise<DraftKey> {
  const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const privateKey = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  try {
    return { publicKey: toBase64(publicKey), sealedPrivateKey: await sealText(recordKey, toBase64(privateKey)) };
  } finally {
    privateKey.fill(0);
  }
}

async function draftAesKey(shared: ArrayBuffer, ephemeralPublicKey: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: ephemeralPublicKey, info: new TextEncoder().encode('attune draft v1') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** `text` sealed to the draft key's public half: needs no passphrase, and only the passphrase can open it. */
export async function sealDraft(draftKey: DraftKey, text: string): Promise<SealedDraft> {
  const recipient = await crypto.subtle.importKey('raw', fromBase64(draftKey.publicKey), ECDH, false, []);
  const ephemeral = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const ephemeralPublicKey = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: recipient }, ephemeral.privateKey, 256);
  const key = await draftAesKey(shared, ephemeralPublicKey);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text)));
  return { ephemeralPublicKey: toBase64(ephemeralPublicKey), iv: toBase64(iv), ciphertext: toBase64(ciphertext) };
}

/** The draft's text; needs the record key (Attune unlocked). A damaged or foreign draft throws DraftOpenError. */
export async function openDraft(draftKey: DraftKey, recordKey: CryptoKey, sealed: SealedDraft): Promise<string> {
  try {
    const privateBytes = fromBase64(await openText(recordKey, draftKey.sealedPrivateKey));
    const privateKey = await crypto.subtle.importKey('pkcs8', privateBytes, ECDH, false, ['deriveBits']);
    privateBytes.fill(0);
    const ephemeralPublicKey = fromBase64(sealed.ephemeralPublicKey);
    const sender = await crypto.subtle.importKey('raw', ephemeralPublicKey, ECDH, false, []);
    const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: sender }, privateKey, 256);
    const key = await draftAesKey(shared, ephemeralPublicKey);
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.ciphertext));
    return new TextDecoder().decode(plaintext);
  } catch {
    throw new DraftOpenError('A draft kept while Attune was locked could not be opened: it is damaged or was sealed with another key.');
  }
}
