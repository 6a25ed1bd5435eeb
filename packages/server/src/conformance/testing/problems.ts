import { FieldError, Problem } from '@billingone/settings-core';
import type { ApiResponse } from './http.js';

export const isProblemType = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim() === 'application/problem+json';

/** Status and the start of the body, for assertion messages. */
export const show = (res: ApiResponse) => `${res.status} ${res.text.slice(0, 400)}`;

/** Why an answer is not a problem document of this status (and code, when given), or null when it is. */
export function problemMismatch(res: ApiResponse, status: number, code?: string): string | null {
  if (res.status !== status) return `expected ${status}${code ? ` ${code}` : ''}, got ${show(res)}`;
  if (!isProblemType(res.headers.get('content-type'))) return `expected application/problem+json, got ${res.headers.get('content-type')}`;
  const parsed = Problem.safeParse(res.json);
  if (!parsed.success) return `not a problem document (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}): ${res.text.slice(0, 300)}`;
  if (code && parsed.data.code !== code) return `expected code ${code}, got ${parsed.data.code}`;
  return null;
}

/** Whether a 422 lists field errors in core's `FieldError` shape. */
export const fieldErrorsListed = (json: unknown): boolean => {
  const errors = (json as { fieldErrors?: unknown } | null)?.fieldErrors;
  return Array.isArray(errors) && errors.length > 0 && errors.every((error) => FieldError.safeParse(error).success);
};

/** Why an answer to bad input is not a 2xx or a 4xx problem (422 with field errors), or null when it is. */
export function badInputMismatch(res: ApiResponse): string | null {
  if (res.status >= 500) return `a server error: ${show(res)}`;
  if (res.status < 400) return null;
  if (!isProblemType(res.headers.get('content-type'))) return `expected application/problem+json, got ${res.headers.get('content-type')}: ${show(res)}`;
  if (res.status === 422 && !fieldErrorsListed(res.json)) return `a 422 without fieldErrors: ${show(res)}`;
  return null;
}
