import { common } from './common.js';
import { shell } from './shell.js';

/**
 * The English catalogue: one flat record of every string, keyed `<section>.<name>`. Each section keeps
 * its strings in its own file beside this one and spreads it in here.
 */
export const en = {
  ...common,
  ...shell,
};

/** A key of the English catalogue; `t()` accepts only these. */
export type MessageKey = keyof typeof en;
/** A catalogue for another language: the same keys (missing ones fall back to English). */
export type Catalogue = Partial<Record<MessageKey, string>>;
