import { createHmac } from 'node:crypto';

/**
 * An independent RFC 6238 implementation over node:crypto, for tests: computes the code an
 * authenticator app would show, without going through the library the server uses.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').replace(/\s+/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`Invalid base32 character "${char}".`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function hotp(key: Uint8Array, counter: number, digits = 6, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

/** The TOTP code of a base32 secret (or raw key) at a given instant. */
export function totpCodeAt(secret: string | Uint8Array, at: Date | number, digits = 6): string {
  const key = typeof secret === 'string' ? base32Decode(secret) : secret;
  const seconds = typeof at === 'number' ? at : Math.floor(at.getTime() / 1000);
  return hotp(key, Math.floor(seconds / 30), digits);
}
