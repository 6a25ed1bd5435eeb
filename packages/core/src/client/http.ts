import { Problem } from '../schemas/common.js';

export type QueryValue = string | number | boolean | Date | null | undefined | ReadonlyArray<string | number | boolean>;

/** Serialises a query object: `undefined` and `null` are skipped, arrays repeat the key, dates become ISO strings. */
export function serializeQuery(query: Record<string, unknown> | undefined): URLSearchParams {
  const search = new URLSearchParams();
  if (!query) return search;
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      search.append(key, item instanceof Date ? item.toISOString() : String(item));
    }
  }
  return search;
}

/** Seconds to wait from a Retry-After header (delay seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The problem document of an error response. A body that is not a problem document (a proxy's
 * HTML page, `{ "error": "..." }`, plain text) still gives a readable problem with code `http_<status>`.
 */
export function problemFrom(status: number, statusText: string, data: unknown): Problem {
  const parsed = Problem.safeParse(data);
  if (parsed.success) return parsed.data;
  return {
    type: 'about:blank',
    title: statusText || `Request failed with status ${status}`,
    status,
    code: `http_${status}`,
    detail: describeBody(data),
  };
}

function describeBody(data: unknown): string | undefined {
  if (typeof data === 'string') {
    const text = data.trim();
    // HTML error pages (proxies, load balancers) say nothing a user can act on.
    if (!text || text.startsWith('<')) return undefined;
    return text.length > 200 ? `${text.slice(0, 199)}…` : text;
  }
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    for (const key of ['detail', 'message', 'error_description', 'error', 'title']) {
      if (typeof record[key] === 'string' && record[key]) return record[key] as string;
    }
  }
  return undefined;
}
