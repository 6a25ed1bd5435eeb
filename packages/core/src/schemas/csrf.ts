import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';

/**
 * The CSRF token of a cookie session. Kept apart from the other auth schemas because the client
 * fetches it on its own: a bundle that only talks to the API then carries none of the sign-in schemas.
 */
export const CsrfToken = z.object({ csrfToken: z.string() });

export const csrfEndpoint = endpoint({
  id: 'auth.csrf', method: 'GET', path: '/auth/csrf', tag: 'Auth', access: 'member', mfaGate: 'allowed',
  response: CsrfToken,
});
