import { useEffect, useState } from 'react';
import { portalApi, type PortalUser } from './portal-api.js';

/** The portal's own (demo) sign-in: pick a user. BillingOne is not involved here. */
export function SignInPage({ onSignedIn }: { onSignedIn: (user: PortalUser) => void }) {
  const [users, setUsers] = useState<PortalUser[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();

  useEffect(() => {
    portalApi.users().then(setUsers, (reason: Error) => setError(reason.message));
  }, []);

  const signIn = async (user: PortalUser) => {
    setBusy(user.id);
    setError(undefined);
    try {
      onSignedIn(await portalApi.signIn(user.id));
    } catch (reason) {
      setError((reason as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <main className="sign-in">
      <h1>Sign in to the Northwind IT portal</h1>
      <p className="muted">Demo sign-in: choose who you are. Each portal user is a member of the BillingOne organization with a different role.</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {users === undefined && !error && <p aria-live="polite">Loading…</p>}
      <ul className="user-list">
        {users?.map((user) => (
          <li key={user.id}>
            <button type="button" className="user-choice" disabled={busy !== undefined} onClick={() => void signIn(user)}>
              <span className="user-name">{user.name}</span>
              <span className="muted">
                {user.title} · {user.email}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
