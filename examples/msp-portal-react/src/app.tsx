import { createSettingsClient, type SettingsClient } from '@billingone/settings-core';
import { useEffect, useMemo, useState } from 'react';
import { DashboardPage } from './dashboard-page.js';
import { createEmbedTokenSource } from './embed-token.js';
import { portalApi, type PortalSession, type PortalUser } from './portal-api.js';
import { Link, navigate, sectionOf, settingsPath, usePath } from './router.js';
import { SettingsPage } from './settings-page.js';
import { SignInPage } from './sign-in-page.js';

/**
 * A BillingOne client for the signed-in portal user: bearer mode, with embed tokens from the portal
 * backend (cached; fetched again near expiry or when the Settings API refuses one).
 */
function useBillingoneClient(user: PortalUser | null, apiUrl: string, onSignedOut: () => void): SettingsClient | undefined {
  const client = useMemo(() => {
    if (!user) return undefined;
    const tokens = createEmbedTokenSource({
      fetchToken: async () => {
        const token = await portalApi.billingoneToken();
        if (!token) onSignedOut();
        return token;
      },
    });
    return { tokens, client: createSettingsClient({ baseUrl: apiUrl, getToken: tokens.getToken }) };
  }, [user?.id, apiUrl]);
  useEffect(() => () => client?.tokens.clear(), [client]);
  return client?.client;
}

/** The `?next=` path of the sign-in page, if it is a portal path. */
function nextPath(): string {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/portal') ? next : '/portal';
}

export function App({ initial }: { initial: PortalSession }) {
  const [user, setUser] = useState(initial.user);
  const path = usePath();
  const client = useBillingoneClient(user, initial.billingoneApiUrl, () => setUser(null));

  // Signed out: the sign-in page, remembering where the user was going. Signed in: back there.
  useEffect(() => {
    if (!user && path !== '/sign-in') navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`, { replace: true });
    if (user && !path.startsWith('/portal')) navigate(nextPath(), { replace: true });
  }, [user, path]);

  if (!user || !client) return <SignInPage onSignedIn={setUser} />;

  const section = sectionOf(path);
  const signOut = async () => {
    await portalApi.signOut();
    setUser(null);
  };

  return (
    <div className="portal">
      <header className="portal-header">
        <Link to="/portal" className="brand">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <rect width="32" height="32" rx="7" className="brand-mark" />
            <path d="M9 23V9h3l8 9.5V9h3v14h-3l-8-9.5V23z" className="brand-letter" />
          </svg>
          Northwind IT
        </Link>
        <nav aria-label="Portal">
          <Link to="/portal" aria-current={path === '/portal' ? 'page' : undefined}>
            Dashboard
          </Link>
          <Link to={settingsPath()} aria-current={section !== null ? 'page' : undefined}>
            Settings
          </Link>
        </nav>
        <div className="user">
          <span>
            {user.name}
            <span className="muted"> · {user.title}</span>
          </span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {section !== null ? (
        <main className="page page-settings">
          <SettingsPage client={client} section={section} />
        </main>
      ) : path === '/portal' || path === '/portal/' ? (
        <DashboardPage user={user} />
      ) : (
        <main className="page">
          <h1>Page not found</h1>
          <p>
            <Link to="/portal">Back to the dashboard</Link>
          </p>
        </main>
      )}
    </div>
  );
}
