/** Browser-side test helpers (the Node side is global-setup.ts and commands.ts). */
export * from './axe.js';
export * from './fixture.js';
export * from './session.js';
