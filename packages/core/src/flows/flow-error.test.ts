import { describe, expect, it } from 'vitest';
import { SettingsApiError, SettingsNetworkError } from '../client/errors.js';
import { toFlowError } from './flow-error.js';

describe('toFlowError', () => {
  it('keeps the code, field errors and wait of an API error', () => {
    const error = new SettingsApiError(
      {
        type: 'about:blank', title: 'Validation failed', status: 422, code: 'validation_failed', detail: 'Check the highlighted fields.',
        fieldErrors: [{ path: 'emails.2', message: 'Already a member.' }],
      },
      { retryAfterSeconds: 5 },
    );
    expect(toFlowError(error)).toEqual({
      message: 'Check the highlighted fields.', code: 'validation_failed', fieldErrors: [{ path: 'emails.2', message: 'Already a member.' }], retryAfterSeconds: 5,
    });
  });

  it('uses the human message of network errors', () => {
    expect(toFlowError(new SettingsNetworkError('timeout', 'timed out'))).toEqual({ message: 'The server took too long to answer. Try again.' });
  });

  it('reads plain errors and falls back for anything else', () => {
    expect(toFlowError(new Error('Boom'))).toEqual({ message: 'Boom' });
    expect(toFlowError({ message: '', code: 'x', fieldErrors: [{ nope: true }] })).toEqual({ message: 'Something went wrong. Try again.', code: 'x' });
    expect(toFlowError(null, 'Could not start.')).toEqual({ message: 'Could not start.' });
    expect(toFlowError('Plain text')).toEqual({ message: 'Plain text' });
  });
});
