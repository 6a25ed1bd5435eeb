import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * Starts the demo (`server.mjs`: the reference stack, the simulators and the built host pages) on a
 * free port with a fresh data directory, so every run begins from the seeded organization, and
 * hands its address to the tests. Stops it and deletes the data afterwards.
 */
const hostDir = fileURLToPath(new URL('..', import.meta.url));
const startTimeoutMs = 180_000;

/** What the demo prints for a new user: where it runs and how to sign in. */
export interface DemoInfo {
  /** The demo's public origin, e.g. `http://localhost:40123` (a host name, so passkeys work). */
  baseUrl: string;
  /** The password of every demo member. */
  password: string;
  /** The demo member of each role: role → email. */
  members: Record<string, string>;
  /** The Pax8 simulator's API client. */
  pax8: { clientId: string; clientSecret: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    demo: DemoInfo;
  }
}

/** Reads the demo's start-up banner, as a person would before signing in. */
function parseBanner(output: string): DemoInfo {
  const baseUrl = /BillingOne settings demo: (http\S+)\/settings\s/.exec(output)?.[1];
  const password = /password for all: ([^)\s]+)\)/.exec(output)?.[1];
  const members = Object.fromEntries([...output.matchAll(/^\s+(owner|admin|finance|engineer|viewer)\s+(\S+@\S+)\s*$/gm)].map((m) => [m[1], m[2]]));
  const pax8 = /Pax8 simulator credentials: client ID (\S+), secret (\S+)/.exec(output);
  if (!baseUrl || !password || Object.keys(members).length !== 5 || !pax8) {
    throw new Error(`The demo's start-up banner no longer gives its URL, the password, the five demo members and the Pax8 credentials. It said:\n${output}`);
  }
  return { baseUrl, password, members, pax8: { clientId: pax8[1]!, clientSecret: pax8[2]! } };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port.'))));
    });
  });
}

/** Resolves with the process's output once it has printed `ready` and then been quiet for a moment. */
function waitForReady(child: ChildProcess, ready: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let settle: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(() => fail(new Error(`The demo did not start within ${startTimeoutMs / 1000} s. Its output:\n${output}`)), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The banner is printed in several writes: let it finish.
      if (ready.test(output)) {
        clearTimeout(settle);
        settle = setTimeout(done, 300);
      }
    };
    const onExit = (code: number | null) => fail(new Error(`The demo exited with code ${code} before it was ready. Its output:\n${output}`));
    function cleanup() {
      clearTimeout(timer);
      clearTimeout(settle);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    }
    function done() {
      cleanup();
      resolve(output);
    }
    function fail(error: Error) {
      cleanup();
      reject(error);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(hostDir, 'dist', 'index.html'))) {
    throw new Error('The host pages are not built: run `pnpm -r build` (or `pnpm --filter @billingone/example-panelone-host build`) first.');
  }
  mkdirSync(join(hostDir, 'e2e', 'screenshots'), { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'billingone-panelone-e2e-'));
  const port = await freePort();
  // The demo chooses the address the browser uses (a host name, so that passkeys work) and prints it.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', BILLINGONE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.BILLINGONE_PUBLIC_URL;
  const child = spawn(process.execPath, ['server.mjs'], { cwd: hostDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stopping = false;
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  let demo: DemoInfo;
  try {
    demo = parseBanner(await waitForReady(child, /Invitation e-mails: /));
  } catch (error) {
    await stop();
    throw error;
  }
  // From here on, the demo's warnings and errors (a failing request, a sync error) show in the test output.
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[demo] ${chunk}`));
  child.stdout?.resume();
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`[demo] The demo stopped during the tests (exit code ${code}, signal ${signal}): the tests after this cannot reach it.\n`);
  });
  project.provide('demo', demo);
  return stop;
}
