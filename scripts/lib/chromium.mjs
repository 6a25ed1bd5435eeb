// How every browser test and benchmark of the workspace launches Chromium: Debian's package (or
// CHROME_PATH), never a browser downloaded by a test tool, headless, with nothing that reaches
// the network on its own.

/** The Chromium executable to drive. */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Command-line switches for a quiet, headless Chromium. */
export const chromiumArgs = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A popup (an OAuth consent window) puts the page that opened it in the background: keep its
  // timers and rendering at full speed, as a person watching both windows would see them.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
]);
