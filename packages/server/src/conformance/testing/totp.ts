import { createHmac } from 'node:crypto';

/** RFC 6238 as authenticator apps implement it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_MS = 30_000;
const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = base32Alphabet.indexOf(char);
    if (index < 0) throw new Error(`Not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export const timeStep = (at = Date.now()) => Math.floor(at / PERIOD_MS);

export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * An authenticator app: each code it hands out belongs to a later time step than the last one, as
 * servers refuse a code twice. Servers accept the next step too, so it waits only past that.
 */
export class Authenticator {
  private lastStep = -1;

  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    const step = Math.max(timeStep(), this.lastStep + 1);
    const wait = (step - 1) * PERIOD_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 200));
    this.lastStep = step;
    return totpCode(this.secret, step);
  }
}
