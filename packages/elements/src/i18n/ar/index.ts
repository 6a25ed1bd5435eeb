import type { Catalogue } from '../en/index.js';
import { common } from './common.js';
import { shell } from './shell.js';

/** The Arabic catalogue (right-to-left; complete: a test compares its keys with English). */
export const ar: Catalogue = {
  ...common,
  ...shell,
};
