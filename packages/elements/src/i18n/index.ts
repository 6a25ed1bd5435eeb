export * from './localize.js';
export { en } from './en/index.js';
export { parseMessage, messageArguments } from './message-format.js';
export { sectionMessages, baseMessages, namespacesOf, type MessageLoader } from './messages.js';
