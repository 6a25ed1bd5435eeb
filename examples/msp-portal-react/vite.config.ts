import { defineConfig } from 'vite';

// React without a plugin: Vite compiles the .tsx files (automatic JSX runtime).
export default defineConfig({
  build: { target: 'es2022' },
});
