import '@billingone/settings-elements/settings';
import { authEndpoints, meEndpoints, SettingsApiError } from '@billingone/settings-core';
import type { BillingoneSettings } from '@billingone/settings-elements';
import { client } from './client.js';

const settings = document.querySelector<BillingoneSettings>('#settings')!;
settings.client = client;

/** /settings/<section> is the deep link; the shell follows the URL and the URL follows the shell. */
function sectionFromPath(): string {
  return location.pathname.replace(/^\/settings\/?/, '').split('/')[0] || 'profile';
}
settings.section = sectionFromPath();
settings.addEventListener('billingone-navigate', (event) => {
  history.pushState(null, '', `/settings/${event.detail.section}`);
});
addEventListener('popstate', () => (settings.section = sectionFromPath()));

/** The signed-in member and organization in the top bar; read again when the settings save a new name. */
async function showWho(): Promise<void> {
  try {
    const me = await client.request(meEndpoints.get, {});
    document.getElementById('who')!.textContent = `${me.member.name} · ${me.organization.name}`;
  } catch (error) {
    if (error instanceof SettingsApiError && error.status === 401) {
      location.assign(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`);
    }
  }
}
await showWho();
settings.addEventListener('billingone-saved', (event) => {
  if (event.detail.section === 'profile' || event.detail.section === 'organization') void showWho();
});

document.getElementById('sign-out')!.addEventListener('click', async () => {
  await client.request(authEndpoints.signOut, {}).catch(() => undefined);
  location.assign('/sign-in');
});
