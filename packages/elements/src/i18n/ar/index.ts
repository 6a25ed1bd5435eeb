import type { Catalogue } from '../en/index.js';
import { common } from './common.js';
import { shell } from './shell.js';

/** The Arabic (right-to-left) strings always present when Arabic is used (the shared ones and the shell's); each section's Arabic is loaded with the section (../messages.ts). */
export const ar: Catalogue = {
  ...common,
  ...shell,
};
