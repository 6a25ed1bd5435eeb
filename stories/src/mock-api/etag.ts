import { canonicalJson } from '@billingone/settings-core/implementation';

/**
 * A strong ETag of a representation: a hash of its canonical JSON, so key order does not matter
 * (as on the server; the hash is FNV-1a here because it must be synchronous in a browser).
 */
export function etagOf(representation: unknown): string {
  const text = canonicalJson(representation);
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return `"${a.toString(36)}${b.toString(36)}-${text.length.toString(36)}"`;
}

