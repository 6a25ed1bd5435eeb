import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../scripts/lib/chromium.mjs';

/** The demo started by the global setup (`e2e/global-setup.ts`), as its start-up banner describes it. */
export const demo = inject('demo');
export const baseUrl = demo.baseUrl;

/** Where every run leaves its screenshots (git-ignored). */
export const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** One person at one browser: an isolated context (own cookies and storage) with one page. */
export interface Visitor {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions the page threw. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface BrowserSuite {
  /** A fresh context and page, closed after the file's tests. */
  visitor(): Promise<Visitor>;
}

/**
 * One Chromium for a test file (Playwright's `launch` gives it a fresh temporary profile), a
 * context per person, and after every test a check that no page threw an uncaught exception.
 */
export function useBrowser(): BrowserSuite {
  let browser: Browser | undefined;
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
  });

  afterEach(() => {
    const errors = visitors.flatMap((visitor) => visitor.errors.splice(0));
    expect(errors, 'uncaught exceptions in the page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async visitor() {
      if (!browser) throw new Error('The browser is not running: call visitor() inside a test or hook.');
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      const visitor: Visitor = { context, page, errors, close: () => context.close() };
      visitors.push(visitor);
      return visitor;
    },
  };
}

/** Saves a full-page screenshot as `e2e/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}
