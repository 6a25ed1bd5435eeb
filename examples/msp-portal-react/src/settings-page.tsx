import type { SettingsClient } from '@billingone/settings-core';
import { BillingoneSettings } from '@billingone/settings-react/settings';
import { navigate, settingsPath } from './router.js';

interface SettingsPageProps {
  client: SettingsClient;
  /** From the portal's URL (`/portal/settings/<section>`); the first section the member may see when undefined. */
  section: string | undefined;
}

/**
 * BillingOne's settings inside the portal. The portal's router owns the URL: choosing a section in
 * the settings navigation is cancelled and turned into a portal navigation, which sets `section`.
 * The portal's branding (portal.css) overrides the settings' design tokens.
 */
export function SettingsPage({ client, section }: SettingsPageProps) {
  return (
    <BillingoneSettings
      className="portal-settings"
      client={client}
      section={section}
      onBillingoneNavigate={(event) => {
        event.preventDefault();
        navigate(settingsPath(event.detail.section));
      }}
    >
      <span slot="nav-support">Support</span>
      <section slot="page-support" className="portal-support">
        <h2>Northwind IT support</h2>
        <p>Questions about billing, integrations or your team's access? Our service desk answers within one working day.</p>
        <p>
          Email <a href="mailto:support@northwind-it.example">support@northwind-it.example</a> or call 0161 496 0000.
        </p>
      </section>
    </BillingoneSettings>
  );
}
