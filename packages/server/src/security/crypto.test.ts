import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey, parseSecretKey, SecretBoxError } from './crypto.js';

describe('createSecretBox', () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  it('seals to a versioned string and opens it again', () => {
    const sealed = box.seal('pax8-client-secret');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain('pax8');
    expect(box.open(sealed)).toBe('pax8-client-secret');
  });

  it('uses a fresh IV each time', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('handles empty and non-ASCII plaintext', () => {
    expect(box.open(box.seal(''))).toBe('');
    expect(box.open(box.seal('clé 🔑'))).toBe('clé 🔑');
  });

  it('refuses a tampered ciphertext, tag or IV', () => {
    const sealed = box.seal('secret value');
    const [v, iv, tag, ct] = sealed.split('.') as [string, string, string, string];
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64url');
    };
    expect(() => box.open([v, iv, tag, flip(ct)].join('.'))).toThrow(SecretBoxError);
    expect(() => box.open([v, iv, flip(tag), ct].join('.'))).toThrow(SecretBoxError);
    expect(() => box.open([v, flip(iv), tag, ct].join('.'))).toThrow(SecretBoxError);
  });

  it('refuses values sealed under another key or context', () => {
    const other = createSecretBox(randomBytes(32));
    expect(() => other.open(box.seal('x'))).toThrow(/could not be opened/);
    const bound = box.seal('totp-secret', 'member:mem_1');
    expect(box.open(bound, 'member:mem_1')).toBe('totp-secret');
    expect(() => box.open(bound, 'member:mem_2')).toThrow(SecretBoxError);
    expect(() => box.open(bound)).toThrow(SecretBoxError);
  });

  it('refuses malformed and unknown-version values', () => {
    expect(() => box.open('plain text')).toThrow(/Not a sealed value/);
    expect(() => box.open(box.seal('x').replace(/^v1/, 'v9'))).toThrow(/version "v9"/);
    expect(() => box.open('v1.AAAA.BBBB.CCCC')).toThrow(/Malformed/);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });

  it('digests deterministically per key and purpose', () => {
    expect(box.digest('abc', 'p')).toBe(box.digest('abc', 'p'));
    expect(box.digest('abc', 'p')).toMatch(/^[0-9a-f]{64}$/);
    expect(box.digest('abc', 'q')).not.toBe(box.digest('abc', 'p'));
    expect(createSecretBox(randomBytes(32)).digest('abc', 'p')).not.toBe(box.digest('abc', 'p'));
  });
});

describe('parseSecretKey', () => {
  const bytes = randomBytes(32);
  it('reads 64 hex characters and base64 of 32 bytes', () => {
    expect(parseSecretKey(bytes.toString('hex'))).toEqual(bytes);
    expect(parseSecretKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseSecretKey(bytes.toString('base64url'))).toEqual(bytes);
    expect(parseSecretKey(` ${bytes.toString('hex')}\n`)).toEqual(bytes);
  });
  it('refuses anything else with a clear message', () => {
    expect(() => parseSecretKey('abc')).toThrow(/64 hexadecimal characters or the base64 encoding of 32 bytes/);
    expect(() => parseSecretKey(randomBytes(31).toString('base64'))).toThrow(SecretBoxError);
    expect(() => parseSecretKey('g'.repeat(64))).toThrow(SecretBoxError);
  });
});

describe('loadSecretKey', () => {
  const logger = () => {
    const messages: string[] = [];
    return { messages, warn: (message: string) => messages.push(message) };
  };

  it('uses BILLINGONE_SECRET_KEY when set, without warning', () => {
    const key = randomBytes(32);
    const log = logger();
    const dir = mkdtempSync(join(tmpdir(), 'b1-key-'));
    expect(loadSecretKey({ env: { BILLINGONE_SECRET_KEY: key.toString('hex') }, dataDir: dir, logger: log })).toEqual(key);
    expect(log.messages).toEqual([]);
  });

  it('fails loudly on a malformed BILLINGONE_SECRET_KEY', () => {
    expect(() => loadSecretKey({ env: { BILLINGONE_SECRET_KEY: 'short' }, dataDir: 'memory://' })).toThrow(/BILLINGONE_SECRET_KEY/);
  });

  it('generates a development key file (0600) once, warns once, and never logs the key', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'b1-key-')), 'nested');
    const log = logger();
    const first = loadSecretKey({ env: {}, dataDir: dir, logger: log });
    const file = join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
    const second = loadSecretKey({ env: {}, dataDir: dir, logger: log });
    expect(second).toEqual(first);
    expect(log.messages).toHaveLength(1);
    expect(log.messages[0]).toMatch(/BILLINGONE_SECRET_KEY is not set/);
    expect(log.messages[0]).not.toContain(first.toString('hex'));
    expect(log.messages[0]).not.toContain(first.toString('base64'));
  });

  it('refuses a corrupt key file instead of silently replacing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'b1-key-'));
    writeFileSync(join(dir, 'secret.key'), 'not a key');
    expect(() => loadSecretKey({ env: {}, dataDir: dir, logger: logger() })).toThrow(SecretBoxError);
  });

  it('keeps an in-memory key for memory:// databases', () => {
    const log = logger();
    const key = loadSecretKey({ env: {}, dataDir: 'memory://', logger: log });
    expect(key).toHaveLength(32);
    expect(loadSecretKey({ env: {}, dataDir: 'memory://', logger: log })).not.toEqual(key);
  });
});
