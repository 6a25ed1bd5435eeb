import { createHash, randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A new identifier: `prefix_` and 20 random base-36 characters (about 103 bits), e.g. `mem_…`. */
export function newId(prefix: string): string {
  const bytes = randomBytes(20);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % 36];
  return `${prefix}_${out}`;
}

/** A secret bearer value: 32 random bytes, base64url, with an optional readable prefix. */
export function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** SHA-256 as hex: how tokens, API keys and invitation links are stored. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
