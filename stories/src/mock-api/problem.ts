import type { FieldError, Problem } from '@billingone/settings-core';

/**
 * An error the mock answers as `application/problem+json`, shaped exactly as the reference server's
 * `ProblemError` (packages/server/src/app/problem.ts): same `type`, titles, codes and field errors.
 */
export class MockProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly fieldErrors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    detail: string,
    options: { title?: string; fieldErrors?: FieldError[]; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = 'MockProblem';
    this.status = status;
    this.code = code;
    this.title = options.title ?? defaultTitles[status] ?? 'Error';
    this.fieldErrors = options.fieldErrors;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }

  toJSON(): Problem {
    return {
      type: `urn:billingone:problem:${this.code}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
      ...this.extra,
    };
  }
}

const defaultTitles: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition failed',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Invalid input',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export function problem(status: number, code: string, detail: string, options?: ConstructorParameters<typeof MockProblem>[3]): MockProblem {
  return new MockProblem(status, code, detail, options);
}

/** A problem (422 by default) with one field error, as the server's `fieldProblem`. */
export function fieldProblem(path: string, message: string, code = 'validation_failed', status = 422): MockProblem {
  return new MockProblem(status, code, message, { fieldErrors: [{ path, message, code }] });
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
}

/** Zod issues as field errors (`path` dotted, e.g. `emails.2`), as the server reports them. */
export function issuesToFieldErrors(issues: readonly IssueLike[], prefix = ''): FieldError[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return { path, message: issue.message, ...(issue.code ? { code: issue.code } : {}) };
  });
}

/** The 500 the server answers for an unexpected failure. */
export const internalError = (): MockProblem => problem(500, 'internal_error', 'Something went wrong on our side. Try again.');
