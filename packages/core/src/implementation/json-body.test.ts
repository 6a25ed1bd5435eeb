import { describe, expect, it } from 'vitest';
import { Problem } from '../schemas/common.js';
import { MAX_JSON_BYTES, parseJsonBody } from './json-body.js';
import { ProblemError } from './problem.js';

function refusal(text: string, contentType: string | null): ProblemError {
  try {
    parseJsonBody(text, contentType);
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('The body was accepted.');
}

describe('parseJsonBody', () => {
  it('parses JSON sent as application/json or a +json type, parameters and case aside', () => {
    expect(parseJsonBody('{"name":"Acme"}', 'application/json')).toEqual({ name: 'Acme' });
    expect(parseJsonBody('[1,2]', 'Application/JSON; charset=utf-8')).toEqual([1, 2]);
    expect(parseJsonBody('null', 'application/merge-patch+json')).toBeNull();
  });

  it('reads an empty or blank body as no body, whatever its type', () => {
    expect(parseJsonBody('', null)).toBeUndefined();
    expect(parseJsonBody(' \n', 'text/plain')).toBeUndefined();
  });

  it('refuses a body above the limit with 413 before looking at it', () => {
    const error = refusal(' '.repeat(MAX_JSON_BYTES + 1), 'application/json');
    expect(error.toJSON()).toMatchObject({ status: 413, code: 'body_too_large' });
    expect(parseJsonBody(`"${'a'.repeat(MAX_JSON_BYTES - 2)}"`, 'application/json')).toHaveLength(MAX_JSON_BYTES - 2);
  });

  it('refuses another content type with 415 and a field error on the root', () => {
    for (const contentType of [null, 'text/plain', 'application/jsonp']) {
      const error = refusal('{}', contentType);
      expect(error.toJSON()).toMatchObject({
        status: 415,
        code: 'unsupported_media_type',
        fieldErrors: [{ path: '', message: 'Send the body as application/json.', code: 'unsupported_media_type' }],
      });
      expect(Problem.safeParse(error.toJSON()).success).toBe(true);
    }
  });

  it('refuses text that does not parse with 400 and a field error on the root', () => {
    const error = refusal('{"name":', 'application/json');
    expect(error.toJSON()).toMatchObject({
      status: 400,
      code: 'invalid_json',
      fieldErrors: [{ path: '', message: 'The body is not valid JSON.', code: 'invalid_json' }],
    });
    expect(Problem.safeParse(error.toJSON()).success).toBe(true);
  });
});
