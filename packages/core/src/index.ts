export * from './endpoint.js';
export * from './roles/index.js';
export * from './schemas/index.js';
export * from './endpoints.js';
export * from './flows/index.js';
export * from './client/index.js';
export * from './stores/index.js';
