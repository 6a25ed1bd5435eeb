import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636 PKCE with the S256 method (the only one Xero accepts). */
export interface PkcePair {
  /** Kept server-side with the OAuth state; sent only in the token request. */
  codeVerifier: string;
  /** Sent in the authorize URL. */
  codeChallenge: string;
  codeChallengeMethod: 'S256';
}

/** A 43-character verifier from 32 random bytes, and its S256 challenge. */
export function createPkcePair(): PkcePair {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { codeVerifier, codeChallenge: pkceChallenge(codeVerifier), codeChallengeMethod: 'S256' };
}

/** BASE64URL(SHA-256(verifier)). */
export function pkceChallenge(codeVerifier: string): string {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(codeVerifier)) {
    throw new RangeError('A PKCE code verifier is 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~"');
  }
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

/** An unguessable OAuth `state` value (32 random bytes, base64url). */
export function createOAuthState(): string {
  return randomBytes(32).toString('base64url');
}
