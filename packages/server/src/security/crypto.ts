import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Authenticated encryption of secrets at rest (integration credentials, OAuth tokens, TOTP
 * secrets, recovery codes) with AES-256-GCM.
 *
 * Sealed format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. The version prefix lets a
 * later format (or key rotation) coexist with stored values. An optional `context` string is
 * bound as additional authenticated data: a value sealed for one member or one column cannot be
 * opened under another context, so a row copied elsewhere in the database does not decrypt.
 */
export interface SecretBox {
  seal(plaintext: string, context?: string): string;
  /** Throws `SecretBoxError` when the value was tampered with, sealed under another key or context, or is not a sealed value. */
  open(sealed: string, context?: string): string;
  /**
   * Keyed one-way digest (HMAC-SHA-256 with a key derived from the secret key), hex encoded.
   * Used to look up short secrets such as recovery codes without storing them in a form that can
   * be brute-forced offline from a database dump alone.
   */
  digest(value: string, purpose: string): string;
}

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;

export function createSecretBox(key: Uint8Array): SecretBox {
  if (key.byteLength !== SECRET_KEY_BYTES) {
    throw new SecretBoxError(`The secret key must be ${SECRET_KEY_BYTES} bytes (got ${key.byteLength}).`);
  }
  const encryptionKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'billingone:secret-box:aes-256-gcm', 32));
  const digestKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'billingone:secret-box:hmac-sha-256', 32));

  return {
    seal(plaintext, context = '') {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    open(sealed, context = '') {
      const parts = typeof sealed === 'string' ? sealed.split('.') : [];
      if (parts.length !== 4) throw new SecretBoxError('Not a sealed value.');
      const [version, ivText, tagText, ciphertextText] = parts as [string, string, string, string];
      if (version !== VERSION) throw new SecretBoxError(`Unknown sealed value version "${version}".`);
      const iv = Buffer.from(ivText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('Malformed sealed value.');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('The sealed value could not be opened (wrong key or context, or tampered with).');
      }
    },
    digest(value, purpose) {
      return createHmac('sha256', digestKey).update(purpose).update('\0').update(value, 'utf8').digest('hex');
    },
  };
}

/** Parses a key written as 64 hex characters or as base64 (standard or url-safe) of 32 bytes. */
export function parseSecretKey(text: string): Buffer {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
    if (bytes.length === SECRET_KEY_BYTES) return bytes;
  }
  throw new SecretBoxError(
    'BILLINGONE_SECRET_KEY must be 64 hexadecimal characters or the base64 encoding of 32 bytes ' +
      '(generate one with `openssl rand -hex 32`).',
  );
}

export interface SecretKeyLogger {
  warn(message: string): void;
}

export interface LoadSecretKeyOptions {
  env?: Record<string, string | undefined>;
  /** Where a development key is kept when none is configured; `memory://…` or undefined keeps it in memory only. */
  dataDir?: string;
  logger?: SecretKeyLogger;
}

const warned = new Set<string>();

/**
 * The key that seals secrets at rest: `BILLINGONE_SECRET_KEY` when set (and valid). Otherwise a
 * development key, generated once and kept in `<dataDir>/secret.key` (mode 0600) so sealed
 * values survive restarts; a warning says so, once per location. The key itself is never logged.
 */
export function loadSecretKey(options: LoadSecretKeyOptions = {}): Buffer {
  const env = options.env ?? process.env;
  const configured = env.BILLINGONE_SECRET_KEY;
  if (configured !== undefined && configured.trim() !== '') return parseSecretKey(configured);

  const dataDir = options.dataDir;
  const inMemory = dataDir === undefined || dataDir.startsWith('memory://');
  const warnOnce = (where: string, message: string) => {
    if (warned.has(where)) return;
    warned.add(where);
    (options.logger ?? console).warn(message);
  };

  if (inMemory) {
    warnOnce(
      'memory',
      'BILLINGONE_SECRET_KEY is not set: using a temporary key held in memory. Secrets sealed now cannot be read after a restart; set BILLINGONE_SECRET_KEY in production.',
    );
    return randomBytes(SECRET_KEY_BYTES);
  }

  const file = join(dataDir, 'secret.key');
  const readExisting = () => {
    const key = parseSecretKey(readFileSync(file, 'utf8'));
    warnOnce(file, `BILLINGONE_SECRET_KEY is not set: using the development key in ${file}. Set BILLINGONE_SECRET_KEY in production.`);
    return key;
  };
  if (existsSync(file)) return readExisting();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(SECRET_KEY_BYTES);
  try {
    writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readExisting();
    throw error;
  }
  chmodSync(file, 0o600);
  warnOnce(file, `BILLINGONE_SECRET_KEY is not set: generated a development key in ${file}. Set BILLINGONE_SECRET_KEY in production.`);
  return key;
}
