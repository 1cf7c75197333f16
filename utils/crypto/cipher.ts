/**
 * Sealing one text field with AES-256-GCM (WebCrypto). Every seal draws a fresh random 96-bit IV, so no IV is ever reused
 * under the data key; GCM's tag means a changed or foreign value is refused rather than read as garbage.
 */

/** Marks a sealed value inside a text field. Starts with a control character that no clinician's text can hold unnoticed. */
export const SEALED_PREFIX = '\u0000sealed:v1:';

export class SealedValueError extends Error {
  override name = 'SealedValueError';
}

export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** `text` as `SEALED_PREFIX` + base64(iv) + ':' + base64(ciphertext and tag). */
export async function sealText(key: CryptoKey, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  return `${SEALED_PREFIX}${toBase64(iv)}:${toBase64(new Uint8Array(ciphertext))}`;
}

/** The text inside a sealed value; a value that is damaged or was sealed under another key throws a clear error. */
export async function openText(key: CryptoKey, sealed: string): Promise<string> {
  const [ivText, ciphertextText, ...rest] = sealed.slice(SEALED_PREFIX.length).split(':');
  if (!isSealed(sealed) || ivText === undefined || ciphertextText === undefined || rest.length > 0) {
    throw new SealedValueError('A protected value is not in the form Attune seals values in.');
  }
  try {
    const iv = fromBase64(ivText);
    if (iv.length !== 12) throw new SealedValueError('bad IV length');
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, fromBase64(ciphertextText));
    return new TextDecoder().decode(plaintext);
  } catch {
    throw new SealedValueError('A protected value could not be opened: it is damaged or was sealed with another key.');
  }
}
