import type { Catalogue } from '../en/index.js';
import { common } from './common.js';
import { shell } from './shell.js';

/** The French catalogue (complete: a test compares its keys with English). */
export const fr: Catalogue = {
  ...common,
  ...shell,
};
