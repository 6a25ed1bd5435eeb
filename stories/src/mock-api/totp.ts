/**
 * TOTP (RFC 6238) as authenticator apps compute it, and as the reference server checks it: SHA-1,
 * 6 digits, 30-second steps, base32 secrets of 20 bytes, one step of clock drift either side, and no
 * code accepted twice. Computed with WebCrypto so it runs in the browser (stories, play functions)
 * and in Node alike.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Bytes of a base32 secret; spaces, hyphens, padding and case are ignored. Throws on other characters. */
export function base32Decode(secret: string): Uint8Array {
  const clean = secret.replace(/[\s=-]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new TypeError(`"${char}" is not a base32 character.`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** The RFC 6238 time step of an instant (milliseconds since the epoch). */
export function totpTimeStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The HOTP code (RFC 4226) of a counter. */
export async function hotp(secret: string, counter: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', base32Decode(secret) as BufferSource, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message.buffer));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0');
}

/** The code an authenticator app shows for `secret` at `atMs` (now by default). */
export function totpCode(secret: string, atMs: number = Date.now()): Promise<string> {
  return hotp(secret, totpTimeStep(atMs));
}

export type TotpCheck = { ok: true; timeStep: number } | { ok: false; reason: 'invalid' | 'replayed' };

/** Checks a code one step either side of `atMs`; codes of `lastUsedStep` or earlier are refused as replayed. */
export async function verifyTotp(input: { secret: string; code: string; atMs: number; lastUsedStep: number | null }): Promise<TotpCheck> {
  const code = input.code.trim();
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'invalid' };
  const now = totpTimeStep(input.atMs);
  for (const step of [now - 1, now, now + 1]) {
    if ((await hotp(input.secret, step)) !== code) continue;
    if (input.lastUsedStep !== null && step <= input.lastUsedStep) return { ok: false, reason: 'replayed' };
    return { ok: true, timeStep: step };
  }
  return { ok: false, reason: 'invalid' };
}

/** The otpauth:// URI an authenticator app scans (issuer "BillingOne"). */
export function totpUri(secret: string, email: string): string {
  const label = encodeURIComponent(`BillingOne:${email}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=BillingOne&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_PERIOD_SECONDS}`;
}
