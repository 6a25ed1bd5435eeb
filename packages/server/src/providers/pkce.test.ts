import { describe, expect, it } from 'vitest';
import { createOAuthState, createPkcePair, pkceChallenge } from './pkce.js';

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('creates a fresh 43-character verifier with its challenge each time', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.codeChallenge).toBe(pkceChallenge(a.codeVerifier));
    expect(a.codeChallengeMethod).toBe('S256');
    expect(b.codeVerifier).not.toBe(a.codeVerifier);
  });

  it('refuses a verifier outside the RFC alphabet or length', () => {
    expect(() => pkceChallenge('too-short')).toThrow(/43 to 128 characters/);
    expect(() => pkceChallenge(`${'a'.repeat(42)}!`)).toThrow(/43 to 128 characters/);
    expect(() => pkceChallenge('a'.repeat(129))).toThrow(/43 to 128 characters/);
  });

  it('creates unguessable state values', () => {
    const state = createOAuthState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createOAuthState()).not.toBe(state);
  });
});
