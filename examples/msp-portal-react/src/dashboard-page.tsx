import type { PortalUser } from './portal-api.js';
import { Link, settingsPath } from './router.js';

/** The portal's own home page (not BillingOne). */
export function DashboardPage({ user }: { user: PortalUser }) {
  return (
    <main className="page">
      <h1>Welcome back, {user.name.split(' ')[0]}</h1>
      <p className="muted">Your Northwind IT portal: tickets, devices and billing in one place.</p>
      <div className="tiles">
        <Link className="tile" to={settingsPath('profile')}>
          <strong>Your profile</strong>
          <span>Name, photo, password and language</span>
        </Link>
        <Link className="tile" to={settingsPath('team')}>
          <strong>Team</strong>
          <span>Invite colleagues and manage roles</span>
        </Link>
        <Link className="tile" to={settingsPath('integrations')}>
          <strong>Integrations</strong>
          <span>Pax8 and Xero connections</span>
        </Link>
      </div>
    </main>
  );
}
