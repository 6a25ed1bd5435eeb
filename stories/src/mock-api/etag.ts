function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A strong ETag of a representation: a hash of its canonical JSON, so key order does not matter
 * (as on the server; the hash is FNV-1a here because it must be synchronous in a browser).
 */
export function etagOf(representation: unknown): string {
  const text = canonical(representation);
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return `"${a.toString(36)}${b.toString(36)}-${text.length.toString(36)}"`;
}

/** Whether an `If-Match` header value names `etag` (lists and `*` accepted, `W/` ignored). */
export function etagMatches(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((part) => part.trim().replace(/^W\//, ''))
    .some((part) => part === '*' || part === etag);
}
