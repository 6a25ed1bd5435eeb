import { cdp } from 'vitest/browser';
import { onTestFinished } from 'vitest';

/**
 * A Chromium virtual authenticator (a platform authenticator that verifies the user at once) for
 * the current test, removed when it ends. Resolves with its id for `WebAuthn.getCredentials`.
 */
export async function virtualAuthenticator(): Promise<string> {
  const session = cdp();
  await session.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = (await session.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  })) as { authenticatorId: string };
  onTestFinished(async () => {
    await session.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    await session.send('WebAuthn.disable', {});
  });
  return authenticatorId;
}
