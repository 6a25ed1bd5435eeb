import { randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';

/**
 * Passkeys (WebAuthn) over @simplewebauthn/server: options for the browser, and verification of
 * what the authenticator answered. Challenges never travel alone: they are kept server-side
 * (`ChallengeStore`) for 5 minutes, bound to their purpose (and member for registration), and
 * taken out on first use, so a response can be verified at most once.
 */
export interface WebAuthnConfig {
  /** Relying party ID: the registrable domain the passkeys belong to (e.g. `app.billingone.com`, `localhost`). */
  rpId: string;
  /** Name shown by the authenticator. */
  rpName: string;
  /** Origins allowed to run the ceremony (e.g. `https://app.billingone.com`, `http://localhost:5173`). */
  origins: readonly string[];
}

export const CHALLENGE_TTL_SECONDS = 5 * 60;
/** EdDSA, ES256, RS256: what platform authenticators and security keys offer. */
const SUPPORTED_ALGORITHMS = [-8, -7, -257];

export class WebAuthnVerificationError extends Error {
  override name = 'WebAuthnVerificationError';
}

export type ChallengeKind = 'registration' | 'authentication';

export interface StoredChallenge {
  challenge: string;
  kind: ChallengeKind;
  memberId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Server-side challenge storage: `take` returns a challenge once, and only before it expires. */
export interface ChallengeStore {
  put(entry: StoredChallenge): Promise<string>;
  take(id: string, kind: ChallengeKind, memberId: string | null, now: Date): Promise<string | null>;
}

/** A `ChallengeStore` in memory (single-process use and tests; the server keeps them in the database). */
export function createMemoryChallengeStore(): ChallengeStore {
  const entries = new Map<string, StoredChallenge>();
  return {
    async put(entry) {
      const id = `wch_${randomBytes(16).toString('base64url')}`;
      entries.set(id, entry);
      return id;
    },
    async take(id, kind, memberId, now) {
      const entry = entries.get(id);
      entries.delete(id);
      if (!entry || entry.kind !== kind || entry.memberId !== memberId || entry.expiresAt <= now) return null;
      return entry.challenge;
    },
  };
}

export interface PasskeyOwner {
  id: string;
  email: string;
  name: string;
}

export interface KnownCredential {
  /** base64url credential ID. */
  credentialId: string;
  transports?: string[];
}

export interface NewPasskeyCredential {
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
}

export interface StoredPasskeyCredential {
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports?: string[];
}

export interface AssertionResult {
  credentialId: string;
  newCounter: number;
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
  /** The user handle the authenticator returned (our member ID), when it sent one. */
  userHandle: string | null;
}

export interface WebAuthnService {
  readonly config: WebAuthnConfig;
  registrationOptions(
    owner: PasskeyOwner,
    existing: readonly KnownCredential[],
    now: Date,
  ): Promise<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }>;
  verifyRegistration(input: { challengeId: string; memberId: string; response: unknown; now: Date }): Promise<NewPasskeyCredential>;
  authenticationOptions(now: Date): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }>;
  /** Reads the credential ID out of an assertion, to look the stored credential up before verifying. */
  assertionCredentialId(response: unknown): string;
  verifyAuthentication(input: {
    challengeId: string;
    response: unknown;
    credential: StoredPasskeyCredential;
    now: Date;
  }): Promise<AssertionResult>;
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WebAuthnVerificationError(`The ${what} is not an object.`);
  return value as Record<string, unknown>;
}

function requireString(record: Record<string, unknown>, key: string, what: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') throw new WebAuthnVerificationError(`The ${what} has no ${key}.`);
  return value;
}

/** Checks the JSON shape the browser sends before handing it to the verifier. */
function registrationJson(value: unknown): RegistrationResponseJSON {
  const record = asRecord(value, 'registration response');
  requireString(record, 'id', 'registration response');
  requireString(record, 'rawId', 'registration response');
  if (record.type !== 'public-key') throw new WebAuthnVerificationError('The registration response is not a public-key credential.');
  const response = asRecord(record.response, 'registration response body');
  requireString(response, 'clientDataJSON', 'registration response');
  requireString(response, 'attestationObject', 'registration response');
  return { clientExtensionResults: {}, ...record } as unknown as RegistrationResponseJSON;
}

function authenticationJson(value: unknown): AuthenticationResponseJSON {
  const record = asRecord(value, 'authentication response');
  requireString(record, 'id', 'authentication response');
  requireString(record, 'rawId', 'authentication response');
  if (record.type !== 'public-key') throw new WebAuthnVerificationError('The authentication response is not a public-key credential.');
  const response = asRecord(record.response, 'authentication response body');
  requireString(response, 'clientDataJSON', 'authentication response');
  requireString(response, 'authenticatorData', 'authentication response');
  requireString(response, 'signature', 'authentication response');
  return { clientExtensionResults: {}, ...record } as unknown as AuthenticationResponseJSON;
}

function failure(error: unknown): WebAuthnVerificationError {
  if (error instanceof WebAuthnVerificationError) return error;
  return new WebAuthnVerificationError(error instanceof Error ? error.message : 'The passkey response could not be verified.');
}

export function createWebAuthn(config: WebAuthnConfig, challenges: ChallengeStore): WebAuthnService {
  if (config.origins.length === 0) throw new TypeError('WebAuthn needs at least one allowed origin.');
  const expectedOrigin = [...config.origins];
  const expiry = (now: Date) => new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000);

  return {
    config,
    async registrationOptions(owner, existing, now) {
      const options = await generateRegistrationOptions({
        rpName: config.rpName,
        rpID: config.rpId,
        userName: owner.email,
        userDisplayName: owner.name,
        userID: new TextEncoder().encode(owner.id),
        attestationType: 'none',
        excludeCredentials: existing.map((credential) => ({ id: credential.credentialId, transports: credential.transports })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
        supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
        timeout: CHALLENGE_TTL_SECONDS * 1000,
      });
      const challengeId = await challenges.put({ challenge: options.challenge, kind: 'registration', memberId: owner.id, createdAt: now, expiresAt: expiry(now) });
      return { challengeId, options };
    },

    async verifyRegistration({ challengeId, memberId, response, now }) {
      const json = registrationJson(response);
      const expectedChallenge = await challenges.take(challengeId, 'registration', memberId, now);
      if (!expectedChallenge) throw new WebAuthnVerificationError('The registration challenge is unknown, expired or already used. Start again.');
      let verification;
      try {
        verification = await verifyRegistrationResponse({
          response: json,
          expectedChallenge,
          expectedOrigin,
          expectedRPID: config.rpId,
          requireUserVerification: false,
          supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
        });
      } catch (error) {
        throw failure(error);
      }
      if (!verification.verified) throw new WebAuthnVerificationError('The passkey registration could not be verified.');
      const info = verification.registrationInfo;
      return {
        credentialId: info.credential.id,
        publicKey: info.credential.publicKey,
        counter: info.credential.counter,
        transports: info.credential.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
      };
    },

    async authenticationOptions(now) {
      // No allowCredentials: discoverable credentials let the member pick a passkey without typing an email.
      const options = await generateAuthenticationOptions({
        rpID: config.rpId,
        userVerification: 'preferred',
        timeout: CHALLENGE_TTL_SECONDS * 1000,
      });
      const challengeId = await challenges.put({ challenge: options.challenge, kind: 'authentication', memberId: null, createdAt: now, expiresAt: expiry(now) });
      return { challengeId, options };
    },

    assertionCredentialId(response) {
      return requireString(asRecord(response, 'authentication response'), 'id', 'authentication response');
    },

    async verifyAuthentication({ challengeId, response, credential, now }) {
      const json = authenticationJson(response);
      const expectedChallenge = await challenges.take(challengeId, 'authentication', null, now);
      if (!expectedChallenge) throw new WebAuthnVerificationError('The sign-in challenge is unknown, expired or already used. Start again.');
      if (json.id !== credential.credentialId) throw new WebAuthnVerificationError('The assertion is for another credential.');
      let verification;
      try {
        verification = await verifyAuthenticationResponse({
          response: json,
          expectedChallenge,
          expectedOrigin,
          expectedRPID: config.rpId,
          credential: { id: credential.credentialId, publicKey: credential.publicKey as Uint8Array<ArrayBuffer>, counter: credential.counter, transports: credential.transports },
          requireUserVerification: false,
        });
      } catch (error) {
        throw failure(error);
      }
      if (!verification.verified) throw new WebAuthnVerificationError('The passkey signature could not be verified.');
      const userHandle = json.response.userHandle ? Buffer.from(json.response.userHandle, 'base64url').toString('utf8') : null;
      return {
        credentialId: verification.authenticationInfo.credentialID,
        newCounter: verification.authenticationInfo.newCounter,
        deviceType: verification.authenticationInfo.credentialDeviceType,
        backedUp: verification.authenticationInfo.credentialBackedUp,
        userHandle,
      };
    },
  };
}
