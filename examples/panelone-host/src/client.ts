import { createSettingsClient } from '@billingone/settings-core';

/** PanelOne talks to the Settings API on its own origin with the cookie session. */
export const client = createSettingsClient({ baseUrl: '' });

/** Reads `?next=` so a deep link survives the sign-in page. */
export function nextPath(fallback = '/settings/profile'): string {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
