import { describe, expect, it } from 'vitest';
import { Problem } from '../schemas/common.js';
import { fieldProblem, internalError, issuesToFieldErrors, problem, problemResponse, ProblemError } from './problem.js';

describe('ProblemError', () => {
  it('serialises as a problem document with the title of its status', () => {
    const error = problem(409, 'last_owner', 'The organization must keep at least one Owner.', { extra: { memberId: 'mem_1' } });
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.toJSON()).toEqual({
      type: 'urn:billingone:problem:last_owner',
      title: 'Conflict',
      status: 409,
      detail: 'The organization must keep at least one Owner.',
      code: 'last_owner',
      memberId: 'mem_1',
    });
    expect(Problem.safeParse(error.toJSON()).success).toBe(true);
  });

  it('takes a given title, and falls back to "Error" for a status without one', () => {
    expect(problem(400, 'bad', 'Bad.', { title: 'Custom' }).title).toBe('Custom');
    expect(problem(418, 'teapot', 'Short and stout.').title).toBe('Error');
  });
});

describe('fieldProblem', () => {
  it('is a 422 with one field error carrying its code', () => {
    expect(fieldProblem('email', 'Enter a valid email address.').toJSON()).toMatchObject({
      status: 422,
      code: 'validation_failed',
      fieldErrors: [{ path: 'email', message: 'Enter a valid email address.', code: 'validation_failed' }],
    });
    expect(fieldProblem('slug', 'Taken.', 'slug_taken', 409)).toMatchObject({ status: 409, code: 'slug_taken' });
  });
});

describe('internalError', () => {
  it('is the 500 that reveals nothing of the cause', () => {
    expect(internalError().toJSON()).toMatchObject({ status: 500, code: 'internal_error', title: 'Internal error' });
  });
});

describe('problemResponse', () => {
  it('answers application/problem+json with the status and the extra headers', async () => {
    const response = problemResponse(problem(429, 'rate_limited', 'Wait.', { headers: { 'retry-after': '30' }, extra: { retryAfterSeconds: 30 } }));
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
  });
});

describe('issuesToFieldErrors', () => {
  it('dots the path under the prefix and keeps the code when there is one', () => {
    const issues = [
      { path: ['emails', 2], message: 'Enter a valid email address.', code: 'invalid_format' },
      { path: [], message: 'Expected an object.' },
    ];
    expect(issuesToFieldErrors(issues)).toEqual([
      { path: 'emails.2', message: 'Enter a valid email address.', code: 'invalid_format' },
      { path: '', message: 'Expected an object.' },
    ]);
    expect(issuesToFieldErrors(issues, 'body')).toEqual([
      { path: 'body.emails.2', message: 'Enter a valid email address.', code: 'invalid_format' },
      { path: 'body', message: 'Expected an object.' },
    ]);
  });
});
