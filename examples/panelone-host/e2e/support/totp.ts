import { createHmac } from 'node:crypto';

/**
 * An authenticator app in a few lines: TOTP codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits)
 * from the base32 setup key the Security page shows.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_PERIOD_SECONDS = 30;

/** Decodes RFC 4648 base32 as authenticator apps accept it: case, spaces and padding ignored. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = alphabet.indexOf(char);
    if (value === -1) throw new Error(`"${char}" is not a base32 character (setup key "${text}").`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The HOTP value (RFC 4226) of `key` for `counter`, as a zero-padded string of `digits` digits. */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 time step of an instant (milliseconds since the epoch). */
export function timeStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The 6-digit TOTP code of a base32 secret for a time step. */
export function totpCode(secret: string, step: number): string {
  return hotp(base32Decode(secret), step);
}

/**
 * An authenticator app holding one secret. Servers accept each time step once and one step either
 * side of now, so `nextCode()` hands out strictly increasing steps: the current one, or the next
 * one when the current one was used already, waiting only when even that was used.
 */
export class Authenticator {
  #lastStep = -1;
  readonly secret: string;

  constructor(secret: string) {
    base32Decode(secret);
    this.secret = secret;
  }

  async nextCode(): Promise<string> {
    let now = timeStep(Date.now());
    let step = Math.max(now, this.#lastStep + 1);
    while (step > now + 1) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      now = timeStep(Date.now());
      step = Math.max(now, this.#lastStep + 1);
    }
    this.#lastStep = step;
    return totpCode(this.secret, step);
  }
}
