import { errorMessage, SettingsApiError, teamEndpoints } from '@billingone/settings-core';
import { client } from './client.js';

const form = document.querySelector<HTMLFormElement>('#accept-form')!;
const token = new URLSearchParams(location.search).get('token') ?? '';
const show = (id: string, message: string) => (document.getElementById(id)!.textContent = message);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  for (const id of ['name-error', 'password-error', 'form-error']) show(id, '');
  try {
    await client.request(teamEndpoints.acceptInvitation, { body: { token, name: String(data.get('name')), password: String(data.get('password')) } });
    location.assign('/settings/profile');
  } catch (error) {
    const fields = error instanceof SettingsApiError || (error as { fieldErrors?: unknown }).fieldErrors ? (error as SettingsApiError).fieldErrors : [];
    for (const field of fields) if (field.path === 'name' || field.path === 'password') show(`${field.path}-error`, field.message);
    if (!fields.length) show('form-error', errorMessage(error));
  }
});
