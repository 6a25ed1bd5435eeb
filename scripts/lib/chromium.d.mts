/** The Chromium executable to drive: CHROME_PATH, else Debian's /usr/bin/chromium. */
export declare const chromiumPath: string;
/** Command-line switches for a quiet, headless Chromium. */
export declare const chromiumArgs: readonly string[];
