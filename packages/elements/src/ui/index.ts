export * from './badge.js';
export * from './errors.js';
export * from './field.js';
export * from './pager.js';
export * from './parts.js';
export * from './status.js';
export * from './field-messages.js';
