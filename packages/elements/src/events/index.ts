export * from './saved.js';
export * from './navigate.js';
export * from './error.js';
export * from './signed-out.js';
export * from './mfa-enrolled.js';
export * from './integration-connected.js';
export * from './oauth-redirect.js';
