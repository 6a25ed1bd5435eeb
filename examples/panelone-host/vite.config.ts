import { defineConfig } from 'vite';

// Three pages: the settings (served for /settings/*), the sign-in page and invitation acceptance.
export default defineConfig({
  build: {
    target: 'es2022',
    rollupOptions: {
      input: { index: 'index.html', 'sign-in': 'sign-in.html', 'accept-invitation': 'accept-invitation.html' },
    },
  },
});
