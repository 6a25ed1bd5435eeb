/** Keys whose values never reach the audit log. */
export const secretKeyPattern = /secret|password|token|code|key/i;
export const REDACTED = '[redacted]';

/** A deep copy of `value` with the value of every secret-looking key replaced by `[redacted]`. */
export function redact<T>(value: T): T {
  return redactValue(value, 0) as T;
}

function redactValue(value: unknown, depth: number): unknown {
  if (depth > 20) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      out[key] = secretKeyPattern.test(key) ? REDACTED : redactValue(item, depth + 1);
    }
    return out;
  }
  return value;
}
