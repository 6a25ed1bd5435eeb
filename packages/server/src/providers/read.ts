import { ProviderError, type ProviderName } from './errors.js';
import { label } from './http.js';

/**
 * Small readers for provider payloads. Each names the offending field, so a provider changing its
 * shape gives an `invalid_response` error that says where, instead of `undefined` further on.
 */
export interface Reader {
  object(value: unknown, path: string): Record<string, unknown>;
  array(value: unknown, path: string): unknown[];
  string(value: unknown, path: string): string;
  optionalString(value: unknown, path: string): string | undefined;
  number(value: unknown, path: string): number;
  boolean(value: unknown, path: string): boolean;
}

export function createReader(provider: ProviderName): Reader {
  const fail = (path: string, expected: string, value: unknown): never => {
    const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    throw new ProviderError(`${label(provider)} sent ${path} as ${got}, expected ${expected}.`, {
      provider,
      reason: 'invalid_response',
    });
  };
  return {
    object(value, path) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return fail(path, 'an object', value);
      }
      return value as Record<string, unknown>;
    },
    array(value, path) {
      return Array.isArray(value) ? value : fail(path, 'an array', value);
    },
    string(value, path) {
      return typeof value === 'string' ? value : fail(path, 'a string', value);
    },
    optionalString(value, path) {
      if (value === undefined || value === null) return undefined;
      return typeof value === 'string' ? value : fail(path, 'a string or null', value);
    },
    number(value, path) {
      return typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'a number', value);
    },
    boolean(value, path) {
      return typeof value === 'boolean' ? value : fail(path, 'a boolean', value);
    },
  };
}
