import { authEndpoints, errorMessage, SettingsApiError, type SignInResult } from '@billingone/settings-core';
import { startAuthentication, WebAuthnError } from '@simplewebauthn/browser';
import { client, nextPath } from './client.js';

const passwordForm = document.querySelector<HTMLFormElement>('#password-form')!;
const mfaForm = document.querySelector<HTMLFormElement>('#mfa-form')!;
const passkeyButton = document.querySelector<HTMLButtonElement>('#passkey')!;
const show = (id: string, message: string) => (document.getElementById(id)!.textContent = message);
let mfaToken = '';

function finish(result: SignInResult): void {
  if (result.status === 'signed_in') {
    location.assign(nextPath());
    return;
  }
  mfaToken = result.mfaToken;
  passwordForm.hidden = true;
  mfaForm.hidden = false;
  mfaForm.querySelector<HTMLInputElement>('#code')!.focus();
}

passwordForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(passwordForm);
  show('password-error', '');
  try {
    finish(await client.request(authEndpoints.signIn, { body: { email: String(data.get('email')), password: String(data.get('password')) } }));
  } catch (error) {
    show('password-error', errorMessage(error));
  }
});

mfaForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const value = String(new FormData(mfaForm).get('code')).trim();
  const body = /^\d{6}$/.test(value) ? { mfaToken, code: value } : { mfaToken, recoveryCode: value };
  show('mfa-error', '');
  try {
    finish(await client.request(authEndpoints.signInMfa, { body }));
  } catch (error) {
    show('mfa-error', error instanceof SettingsApiError && error.fieldErrors.length ? error.fieldErrors[0]!.message : errorMessage(error));
  }
});

passkeyButton.addEventListener('click', async () => {
  show('passkey-error', '');
  try {
    const { challengeId, options } = await client.request(authEndpoints.passkeyOptions, {});
    const response = await startAuthentication({ optionsJSON: options as never });
    finish(await client.request(authEndpoints.passkeySignIn, { body: { challengeId, response: response as never } }));
  } catch (error) {
    const cancelled = error instanceof WebAuthnError ? error.code === 'ERROR_CEREMONY_ABORTED' : (error as Error).name === 'NotAllowedError';
    show('passkey-error', cancelled ? 'Passkey sign-in was cancelled.' : errorMessage(error));
  }
});
