import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { encodeCBOR, type CBORType } from '@levischuck/tiny-cbor';

/**
 * A software WebAuthn authenticator for tests: a P-256 key pair per credential, attestation
 * format "none", and assertions signed with ECDSA/SHA-256 (DER) over
 * `authenticatorData || SHA-256(clientDataJSON)`, exactly what a browser hands to the server.
 * It plays both roles, authenticator and browser (it builds clientDataJSON with the origin it is
 * given), so tests can lie about the origin or replay a response on purpose.
 */
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

export interface SoftCredential {
  id: Buffer;
  privateKey: KeyObject;
  counter: number;
  rpId: string;
  userHandle: Buffer;
}

export interface SoftAuthenticatorOptions {
  /** Origin written into clientDataJSON. */
  origin: string;
  /** Report the credential as synced (backup eligible and backed up). */
  backedUp?: boolean;
}

interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials?: { id: string }[];
}

interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
}

function coseKey(privateKey: KeyObject): Uint8Array {
  const jwk = privateKey.export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) throw new Error('Expected an EC key.');
  return encodeCBOR(
    new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x, 'base64url')],
      [-3, Buffer.from(jwk.y, 'base64url')],
    ]),
  );
}

/** A platform credential as the browser's `toJSON()` gives it, around its attestation or assertion response. */
function publicKeyCredentialJson<Response extends object>(credential: SoftCredential, response: Response) {
  return {
    id: b64url(credential.id),
    rawId: b64url(credential.id),
    type: 'public-key' as const,
    authenticatorAttachment: 'platform' as const,
    clientExtensionResults: {},
    response,
  };
}

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];
  origin: string;
  private readonly backedUp: boolean;

  constructor(options: SoftAuthenticatorOptions) {
    this.origin = options.origin;
    this.backedUp = options.backedUp ?? false;
  }

  private flags(extra: number): number {
    return FLAG_UP | FLAG_UV | (this.backedUp ? FLAG_BE | FLAG_BS : 0) | extra;
  }

  /** navigator.credentials.create(): answers a RegistrationResponseJSON for the given creation options. */
  createCredential(options: CreationOptions, overrides: { origin?: string; challenge?: string } = {}) {
    const rpId = options.rp.id;
    if (!rpId) throw new Error('The creation options carry no rp.id.');
    const excluded = new Set((options.excludeCredentials ?? []).map((c) => c.id));
    if (this.credentials.some((c) => c.rpId === rpId && excluded.has(b64url(c.id)))) {
      throw new Error('InvalidStateError: a credential of this authenticator is excluded.');
    }
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credential: SoftCredential = {
      id: randomBytes(32),
      privateKey,
      counter: 0,
      rpId,
      userHandle: Buffer.from(options.user.id, 'base64url'),
    };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credential.id.length);
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([this.flags(FLAG_AT)]),
      counter,
      Buffer.alloc(16), // AAGUID: zeros, as with attestation "none"
      idLength,
      credential.id,
      coseKey(privateKey),
    ]);
    const attestationObject = encodeCBOR(
      new Map<string, CBORType>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, CBORType>()],
        ['authData', authData],
      ]),
    );
    this.credentials.push(credential);
    const clientDataJSON = clientData('webauthn.create', overrides.challenge ?? options.challenge, overrides.origin ?? this.origin);
    return publicKeyCredentialJson(credential, {
      clientDataJSON: b64url(clientDataJSON),
      attestationObject: b64url(attestationObject),
      transports: ['internal'],
    });
  }

  /** navigator.credentials.get(): signs an assertion with the first usable credential (or the one named). */
  getAssertion(options: RequestOptions, overrides: { origin?: string; credentialId?: string; rpId?: string; counter?: number } = {}) {
    const rpId = overrides.rpId ?? options.rpId;
    if (!rpId) throw new Error('The request options carry no rpId.');
    const allowed = new Set((options.allowCredentials ?? []).map((c) => c.id));
    const credential = this.credentials.find(
      (c) =>
        (overrides.rpId !== undefined || c.rpId === rpId) &&
        (overrides.credentialId === undefined || b64url(c.id) === overrides.credentialId) &&
        (allowed.size === 0 || allowed.has(b64url(c.id))),
    );
    if (!credential) throw new Error('NotAllowedError: no credential for this relying party.');
    credential.counter = overrides.counter ?? credential.counter + 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    const authenticatorData = Buffer.concat([sha256(rpId), Buffer.from([this.flags(0)]), counter]);
    const clientDataJSON = clientData('webauthn.get', options.challenge, overrides.origin ?? this.origin);
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), credential.privateKey); // DER-encoded ECDSA
    return publicKeyCredentialJson(credential, {
      clientDataJSON: b64url(clientDataJSON),
      authenticatorData: b64url(authenticatorData),
      signature: b64url(signature),
      userHandle: b64url(credential.userHandle),
    });
  }
}
