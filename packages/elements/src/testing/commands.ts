import type { BrowserCommand } from 'vitest/node';
import { testServer } from './server-handle.js';

/** Browser commands (run in Node, called from tests through `commands` of `vitest/browser`). */
export const resetDemoData: BrowserCommand<[]> = async () => {
  await testServer().reset();
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Empties the reference server's database and seeds the demo organization again. */
    resetDemoData(): Promise<void>;
  }
}
