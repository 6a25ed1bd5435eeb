import type { Locator } from 'playwright-core';

/**
 * Waits for what a person would see, failing with a sentence that says what was missing (the
 * end-to-end tests use playwright-core, which has no web-first assertions of its own).
 */
export async function see(locator: Locator, what: string, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    throw new Error(`Expected to see ${what}, but it did not appear within ${timeout / 1000} s.\n${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
}

/** Waits until `locator` is gone or hidden. */
export async function seeNo(locator: Locator, what: string, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch (error) {
    throw new Error(`Expected ${what} to disappear, but it was still shown after ${timeout / 1000} s.`, { cause: error });
  }
}

/** Live regions: what a screen reader announces as it changes. */
const liveRegions = '[aria-live], [role="status"], [role="alert"]';

/**
 * Waits for a result message in a live region of a section (what a screen reader announces, such
 * as “Your profile was saved.”).
 */
export async function announced(section: Locator, message: string | RegExp, timeout = 15_000): Promise<void> {
  const region = section.locator(liveRegions).filter({ hasText: message });
  try {
    await region.first().waitFor({ state: 'attached', timeout });
  } catch (error) {
    const said = await section.locator(liveRegions).allTextContents().catch(() => []);
    throw new Error(`Expected the announcement “${message}”, but the live regions said ${JSON.stringify(said.filter(Boolean))}.`, { cause: error });
  }
}
