/** A UTC timestamp as PostgreSQL writes it in JSON: `2026-11-24T09:00:00.123456+00:00`. */
const utcJsonTimestamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00:00$/;

/**
 * A timestamp column as the API's ISO string (`2026-11-24T09:00:00.123Z`). UTC strings from JSON
 * rows are rewritten without a Date (parsing them is slow in V8, and a page has a hundred).
 */
export function iso(value: Date | string): string {
  if (typeof value === 'string') {
    const utc = utcJsonTimestamp.exec(value);
    if (utc) return `${utc[1]}.${(utc[2] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  }
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function isoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** `%` and `_` (and the escape itself) matched literally in a LIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
