import type { Catalogue } from '../en/index.js';
import { common } from './common.js';
import { shell } from './shell.js';

/** The French strings always present when French is used (the shared ones and the shell's); each section's French is loaded with the section (../messages.ts). */
export const fr: Catalogue = {
  ...common,
  ...shell,
};
