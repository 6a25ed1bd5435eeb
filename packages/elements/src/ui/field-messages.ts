import type { MessageKey, MessageParams } from '../i18n/localize.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * Catalogue entries for known English messages of core's schemas and of the API (field errors carry
 * English text): a key, or a key with its parameters.
 */
export type MessageTable = Readonly<Record<string, MessageKey | readonly [MessageKey, MessageParams]>>;

/** A field or form message in the element's language when the table knows it, else as given. */
export function localiseMessage(t: Translate, message: string | undefined, table: MessageTable): string | undefined {
  if (message === undefined) return undefined;
  if (!Object.hasOwn(table, message)) return message;
  const entry = table[message]!;
  return typeof entry === 'string' ? t(entry) : t(entry[0], entry[1]);
}
