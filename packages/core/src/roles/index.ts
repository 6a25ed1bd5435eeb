export * from './permissions.js';
export * from './sections.js';
export * from './rules.js';
