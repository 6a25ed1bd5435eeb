import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { portalApi } from './portal-api.js';
import './portal.css';

const root = createRoot(document.getElementById('root')!);
try {
  const session = await portalApi.session();
  root.render(
    <StrictMode>
      <App initial={session} />
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <main className="page">
      <h1>The portal is not available</h1>
      <p role="alert">{(error as Error).message}</p>
    </main>,
  );
}
