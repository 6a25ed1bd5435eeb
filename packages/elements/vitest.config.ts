import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { embedToken, queryDemoDatabase, resetDemoData } from './src/testing/commands.js';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';
import { freePort } from './src/testing/free-port.js';
import { xeroConsent } from './src/testing/xero-consent.js';

// The reference API (started by the global setup) and the test page get fixed ports per run; the page
// reaches the API through the `/v1` proxy below, so cookie sessions are same-origin as in a real host.
// The environment keeps both choices stable when this file is evaluated more than once.
async function port(name: string): Promise<number> {
  if (!process.env[name]) process.env[name] = String(await freePort());
  return Number(process.env[name]);
}

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const apiPort = await port('BILLINGONE_TEST_API_PORT');
  const pagePort = await port('BILLINGONE_TEST_PAGE_PORT');
  process.env.BILLINGONE_TEST_ORIGIN = `http://localhost:${pagePort}`;

  return {
    optimizeDeps: {
      include: [
        'lit',
        'lit/directives/ref.js',
        'lit/directives/if-defined.js',
        'lit/directives/live.js',
        'lit/directives/class-map.js',
        'lit/directives/repeat.js',
        '@lit/context',
        '@lit/task',
        '@simplewebauthn/browser',
        'lean-qr',
        'lean-qr/nano',
        'otplib',
        'axe-core',
        '@billingone/settings-core > ky',
        '@billingone/settings-core > zod/mini',
      ],
    },
    server: {
      proxy: {
        '/v1': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false, xfwd: true },
      },
    },
    test: {
      include: ['src/**/*.test.ts'],
      globalSetup: ['src/testing/global-setup.ts'],
      // One browser, one cookie jar: test files sign in as different members, so they run one at a time.
      fileParallelism: false,
      testTimeout: 20_000,
      hookTimeout: 60_000,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({
          launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs] },
        }),
        instances: [{ browser: 'chromium' }],
        // A desktop viewport (the default is a phone): elements are tested narrow by sizing them.
        viewport: { width: 1280, height: 900 },
        api: { port: pagePort, strictPort: true, host: 'localhost' },
        screenshotFailures: false,
        commands: { resetDemoData, embedToken, queryDemoDatabase, xeroConsent },
      },
    },
  };
});
