import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { visitSection } from './demo.js';

/** An entry the audit log must show: the action's code and texts its row contains (actor, target). */
export interface ExpectedEntry {
  /** Action code, e.g. `profile.updated`. */
  action: string;
  /** The label of the action in the Action filter, e.g. “Profile updated”. */
  label: string;
  /** Texts the row shows, such as the actor's email and the target's name. */
  texts: string[];
}

/**
 * Opens the audit log and, for each expected entry, filters by its action the way a person would
 * and waits for a row recorded at or after `since` that names the action and every text.
 */
export async function expectInAuditLog(page: Page, since: Date, entries: readonly ExpectedEntry[]): Promise<void> {
  const log = await visitSection(page, 'audit-log');
  const table = log.getByRole('table', { name: 'Audit entries' });
  for (const entry of entries) {
    await log.getByLabel('Action', { exact: true }).selectOption({ label: entry.label });
    await expect
      .poll(
        () =>
          table.locator('tbody tr').evaluateAll(
            (rows, { since, action, texts }) =>
              rows.filter((row) => {
                const at = Date.parse(row.querySelector('time')?.getAttribute('datetime') ?? '');
                const text = row.textContent ?? '';
                return at >= since && text.includes(action) && texts.every((part) => text.includes(part));
              }).length,
            { since: since.getTime() - 1_000, action: entry.action, texts: entry.texts },
          ),
        { timeout: 15_000, message: `an audit entry “${entry.label}” (${entry.action}) since ${since.toISOString()} showing ${JSON.stringify(entry.texts)}` },
      )
      .toBeGreaterThan(0);
  }
}
