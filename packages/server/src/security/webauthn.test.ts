import { describe, expect, it } from 'vitest';
import { SoftAuthenticator } from './testing/soft-authenticator.js';
import { createMemoryChallengeStore, createWebAuthn, WebAuthnVerificationError, type ChallengeStore } from './webauthn.js';

const config = { rpId: 'localhost', rpName: 'BillingOne', origins: ['http://localhost:8787', 'http://localhost:5173'] };
const owner = { id: 'mem_owner', email: 'owner@acme.test', name: 'Olivia Owner' };
const now = new Date('2026-11-24T09:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

function setup(challenges: ChallengeStore = createMemoryChallengeStore()) {
  const webauthn = createWebAuthn(config, challenges);
  const authenticator = new SoftAuthenticator({ origin: 'http://localhost:5173' });
  return { webauthn, authenticator };
}

async function register(webauthn: ReturnType<typeof setup>['webauthn'], authenticator: SoftAuthenticator) {
  const { challengeId, options } = await webauthn.registrationOptions(owner, [], now);
  const response = authenticator.createCredential(options);
  return webauthn.verifyRegistration({ challengeId, memberId: owner.id, response, now: later(10) });
}

describe('registration', () => {
  it('offers the configured relying party, the member and the preferred selection', async () => {
    const { webauthn } = setup();
    const { challengeId, options } = await webauthn.registrationOptions(owner, [{ credentialId: 'AAAA', transports: ['usb'] }], now);
    expect(challengeId).toMatch(/^wch_/);
    expect(options.rp).toEqual({ id: 'localhost', name: 'BillingOne' });
    expect(options.user.name).toBe('owner@acme.test');
    expect(Buffer.from(options.user.id, 'base64url').toString()).toBe('mem_owner');
    expect(options.excludeCredentials).toEqual([{ id: 'AAAA', type: 'public-key', transports: ['usb'] }]);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'preferred', userVerification: 'preferred' });
    expect(options.attestation).toBe('none');
    expect(options.pubKeyCredParams.map((p) => p.alg)).toContain(-7);
  });

  it('verifies a real attestation from the software authenticator', async () => {
    const { webauthn, authenticator } = setup();
    const credential = await register(webauthn, authenticator);
    expect(credential.credentialId).toBe(authenticator.credentials[0]!.id.toString('base64url'));
    expect(credential.counter).toBe(0);
    expect(credential.publicKey.byteLength).toBeGreaterThan(64);
    expect(credential.deviceType).toBe('singleDevice');
    expect(credential.backedUp).toBe(false);
  });

  it('reports synced passkeys as multi-device and backed up', async () => {
    const webauthn = createWebAuthn(config, createMemoryChallengeStore());
    const credential = await register(webauthn, new SoftAuthenticator({ origin: 'http://localhost:8787', backedUp: true }));
    expect(credential.deviceType).toBe('multiDevice');
    expect(credential.backedUp).toBe(true);
  });

  it('refuses a response from an origin that is not allowed', async () => {
    const { webauthn, authenticator } = setup();
    const { challengeId, options } = await webauthn.registrationOptions(owner, [], now);
    const response = authenticator.createCredential(options, { origin: 'https://evil.example' });
    await expect(webauthn.verifyRegistration({ challengeId, memberId: owner.id, response, now })).rejects.toThrow(/origin/i);
  });

  it('refuses a replayed challenge, an expired one, another member and a signed-over challenge', async () => {
    const { webauthn, authenticator } = setup();
    const first = await webauthn.registrationOptions(owner, [], now);
    const response = authenticator.createCredential(first.options);
    await webauthn.verifyRegistration({ challengeId: first.challengeId, memberId: owner.id, response, now });
    await expect(webauthn.verifyRegistration({ challengeId: first.challengeId, memberId: owner.id, response, now })).rejects.toThrow(/already used/);

    const expired = await webauthn.registrationOptions(owner, [], now);
    await expect(
      webauthn.verifyRegistration({ challengeId: expired.challengeId, memberId: owner.id, response: authenticator.createCredential(expired.options), now: later(301) }),
    ).rejects.toThrow(WebAuthnVerificationError);

    const stolen = await webauthn.registrationOptions(owner, [], now);
    await expect(
      webauthn.verifyRegistration({ challengeId: stolen.challengeId, memberId: 'mem_other', response: authenticator.createCredential(stolen.options), now }),
    ).rejects.toThrow(/unknown, expired or already used/);

    const mismatch = await webauthn.registrationOptions(owner, [], now);
    const other = await webauthn.registrationOptions(owner, [], now);
    await expect(
      webauthn.verifyRegistration({ challengeId: mismatch.challengeId, memberId: owner.id, response: authenticator.createCredential(other.options), now }),
    ).rejects.toThrow(/challenge/i);
  });

  it('refuses malformed responses with a clear error', async () => {
    const { webauthn } = setup();
    const { challengeId } = await webauthn.registrationOptions(owner, [], now);
    await expect(webauthn.verifyRegistration({ challengeId, memberId: owner.id, response: { id: 'x' }, now })).rejects.toThrow(/rawId/);
    await expect(webauthn.verifyRegistration({ challengeId, memberId: owner.id, response: 'nope', now })).rejects.toThrow(/not an object/);
  });
});

describe('authentication', () => {
  async function registered() {
    const { webauthn, authenticator } = setup();
    const credential = await register(webauthn, authenticator);
    const stored = { credentialId: credential.credentialId, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports };
    return { webauthn, authenticator, stored };
  }

  it('verifies a real assertion and returns the new counter and user handle', async () => {
    const { webauthn, authenticator, stored } = await registered();
    const { challengeId, options } = await webauthn.authenticationOptions(now);
    expect(options.rpId).toBe('localhost');
    expect(options.allowCredentials ?? []).toEqual([]);
    const response = authenticator.getAssertion(options);
    expect(webauthn.assertionCredentialId(response)).toBe(stored.credentialId);
    const result = await webauthn.verifyAuthentication({ challengeId, response, credential: stored, now: later(5) });
    expect(result).toMatchObject({ credentialId: stored.credentialId, newCounter: 1, userHandle: 'mem_owner' });
  });

  it('refuses a wrong origin, a replayed challenge and a counter that went backwards', async () => {
    const { webauthn, authenticator, stored } = await registered();
    const a = await webauthn.authenticationOptions(now);
    await expect(
      webauthn.verifyAuthentication({ challengeId: a.challengeId, response: authenticator.getAssertion(a.options, { origin: 'https://evil.example' }), credential: stored, now }),
    ).rejects.toThrow(/origin/i);
    // The challenge was consumed by the failed attempt too.
    await expect(
      webauthn.verifyAuthentication({ challengeId: a.challengeId, response: authenticator.getAssertion(a.options), credential: stored, now }),
    ).rejects.toThrow(/already used/);

    const b = await webauthn.authenticationOptions(now);
    const response = authenticator.getAssertion(b.options);
    await webauthn.verifyAuthentication({ challengeId: b.challengeId, response, credential: stored, now });
    // The same response under a fresh challenge: its signed challenge no longer matches.
    const c = await webauthn.authenticationOptions(now);
    await expect(webauthn.verifyAuthentication({ challengeId: c.challengeId, response, credential: stored, now })).rejects.toThrow(/challenge/i);
    // A cloned authenticator reporting an older counter than the one stored.
    const d = await webauthn.authenticationOptions(now);
    const cloned = authenticator.getAssertion(d.options, { counter: 2 });
    await expect(
      webauthn.verifyAuthentication({ challengeId: d.challengeId, response: cloned, credential: { ...stored, counter: 5 }, now }),
    ).rejects.toThrow(/counter/i);
  });

  it('refuses a signature by another key and an assertion for another relying party', async () => {
    const { webauthn, authenticator, stored } = await registered();
    const impostor = new SoftAuthenticator({ origin: 'http://localhost:5173' });
    const reg = await webauthn.registrationOptions(owner, [], now);
    impostor.createCredential(reg.options);
    const a = await webauthn.authenticationOptions(now);
    const forged = impostor.getAssertion(a.options);
    await expect(
      webauthn.verifyAuthentication({ challengeId: a.challengeId, response: { ...forged, id: stored.credentialId, rawId: stored.credentialId }, credential: stored, now }),
    ).rejects.toThrow(/signature|verified/i);

    const b = await webauthn.authenticationOptions(now);
    await expect(
      webauthn.verifyAuthentication({ challengeId: b.challengeId, response: authenticator.getAssertion(b.options, { rpId: 'evil.example' }), credential: stored, now }),
    ).rejects.toThrow(/RP ID/i);
  });
});
