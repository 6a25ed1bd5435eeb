export * from './announcer.js';
export * from './confirm-controller.js';
export * from './dialog-controller.js';
export * from './focus.js';
export * from './focus-keeper.js';
export * from './form-controller.js';
export * from './localize-controller.js';
export * from './store-controller.js';
