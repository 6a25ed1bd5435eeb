import { problem } from './problem.js';

/** JSON request bodies longer than this are refused with 413. */
export const MAX_JSON_BYTES = 1024 * 1024;

const notJsonMessage = 'Send the body as application/json.';
const invalidJsonMessage = 'The body is not valid JSON.';

/**
 * The value of a JSON request body, `undefined` when the body is empty or blank. Throws the
 * problem the API answers: 413 `body_too_large` above `MAX_JSON_BYTES`, 415
 * `unsupported_media_type` unless the content type is `application/json` or `…+json`, and 400
 * `invalid_json` when the text does not parse (both with a field error on the root).
 */
export function parseJsonBody(text: string, contentType: string | null | undefined): unknown {
  if (text.length > MAX_JSON_BYTES) throw problem(413, 'body_too_large', 'The request body is too large.');
  if (text.trim() === '') return undefined;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw problem(415, 'unsupported_media_type', notJsonMessage, {
      fieldErrors: [{ path: '', message: notJsonMessage, code: 'unsupported_media_type' }],
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw problem(400, 'invalid_json', invalidJsonMessage, {
      fieldErrors: [{ path: '', message: invalidJsonMessage, code: 'invalid_json' }],
    });
  }
}
