import type { Locator, Page } from 'playwright-core';
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

interface TableState {
  rows: number;
  /** Every row shows the action filtered for. */
  filtered: boolean;
  /** Rows recorded since the start that show the action and every text. */
  matches: number;
}

function readTable(table: Locator, since: Date, entry: ExpectedEntry): Promise<TableState> {
  return table.locator('tbody tr:has(time)').evaluateAll(
    (rows, { since, action, texts }) => {
      const textOf = (row: Element) => row.textContent ?? '';
      const matches = rows.filter((row) => {
        const at = Date.parse(row.querySelector('time')?.getAttribute('datetime') ?? '');
        return at >= since && textOf(row).includes(action) && texts.every((part) => textOf(row).includes(part));
      }).length;
      return { rows: rows.length, filtered: rows.length > 0 && rows.every((row) => textOf(row).includes(action)), matches };
    },
    { since: since.getTime() - 1_000, action: entry.action, texts: entry.texts },
  );
}

/** The error messages a form field points to with aria-describedby (what a screen reader reads with it). */
function fieldMessages(field: Locator): Promise<string[]> {
  return field.evaluate((element) => {
    const root = element.getRootNode() as Document | ShadowRoot;
    return (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .filter(Boolean);
  });
}

/**
 * Opens the audit log and, for each expected entry, filters by its action the way a person would,
 * waits for the table to show only that action, and then for a row recorded at or after `since`
 * that shows every expected text.
 */
export async function expectInAuditLog(page: Page, since: Date, entries: readonly ExpectedEntry[], timeout = 15_000): Promise<void> {
  const log = await visitSection(page, 'audit-log');
  const table = log.getByRole('table', { name: 'Audit entries' });
  const actionFilter = log.getByLabel('Action', { exact: true });
  const missing: string[] = [];
  for (const entry of entries) {
    await actionFilter.selectOption({ label: entry.label });
    const deadline = Date.now() + timeout;
    let state = await readTable(table, since, entry);
    while (!(state.filtered && state.matches > 0) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      state = await readTable(table, since, entry);
    }
    if (!(state.filtered && state.matches > 0)) {
      const messages = await fieldMessages(actionFilter);
      missing.push(
        `filtered by “${entry.label}”, no entry ${entry.action} with ${JSON.stringify(entry.texts)}: ` +
          `${state.rows} rows shown, ${state.filtered ? 'all' : 'not all'} of that action, ${state.matches} matching; ` +
          `the Action filter says ${messages.length ? messages.map((message) => `“${message}”`).join(' ') : 'nothing'}`,
      );
    }
  }
  if (missing.length) throw new Error(`The audit log since ${since.toISOString()}:\n- ${missing.join('\n- ')}`);
}
