import type { FieldError, Problem } from '../schemas/common.js';

/** An error answered as `application/problem+json`. Throw it from any handler or middleware. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly fieldErrors?: FieldError[];
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    detail: string,
    options: { title?: string; fieldErrors?: FieldError[]; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
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

/** Shorthand for `new ProblemError(...)`. */
export function problem(
  status: number,
  code: string,
  detail: string,
  options?: ConstructorParameters<typeof ProblemError>[3],
): ProblemError {
  return new ProblemError(status, code, detail, options);
}

/** A 422 with one field error. */
export function fieldProblem(path: string, message: string, code = 'validation_failed', status = 422): ProblemError {
  return new ProblemError(status, code, message, { fieldErrors: [{ path, message, code }] });
}

/** The 500 answered for an unexpected failure (the cause stays in the implementation's log). */
export function internalError(): ProblemError {
  return new ProblemError(500, 'internal_error', 'Something went wrong on our side. Try again.');
}

/** The response of a problem. */
export function problemResponse(error: ProblemError): Response {
  return new Response(JSON.stringify(error.toJSON()), {
    status: error.status,
    headers: { 'content-type': 'application/problem+json', ...error.headers },
  });
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
}

/** Zod issues as field errors (`path` dotted, e.g. `emails.2`; the root is `''`). */
export function issuesToFieldErrors(issues: readonly IssueLike[], prefix = ''): FieldError[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return { path, message: issue.message, ...(issue.code ? { code: issue.code } : {}) };
  });
}
