/** Browser and operating system named from a User-Agent string, e.g. `Chrome 131` and `macOS`. */
export interface ParsedUserAgent {
  browser: string | null;
  os: string | null;
}

const browsers: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\bVivaldi\/(\d+)/, 'Vivaldi'],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/\b(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//, 'Safari'],
  [/\bnode(?:-fetch)?\/?(\d+)?/i, 'Node.js'],
  [/\bcurl\/(\d+)/, 'curl'],
];

function parseOs(ua: string): string | null {
  let match: RegExpExecArray | null;
  if ((match = /\b(?:iPhone|CPU) OS (\d+)(?:_(\d+))?/.exec(ua))) return `${/iPad/.test(ua) ? 'iPadOS' : 'iOS'} ${match[1]}${match[2] ? `.${match[2]}` : ''}`;
  if ((match = /\bAndroid (\d+(?:\.\d+)?)/.exec(ua))) return `Android ${match[1]}`;
  if (/\bCrOS\b/.test(ua)) return 'ChromeOS';
  if ((match = /\bWindows NT (\d+\.\d+)/.exec(ua))) {
    const versions: Record<string, string> = { '10.0': 'Windows 10/11', '6.3': 'Windows 8.1', '6.2': 'Windows 8', '6.1': 'Windows 7' };
    return versions[match[1]!] ?? 'Windows';
  }
  if (/\bMac OS X\b|\bMacintosh\b/.test(ua)) return 'macOS';
  if (/\bLinux\b/.test(ua)) return 'Linux';
  return null;
}

export function parseUserAgent(ua: string | null | undefined): ParsedUserAgent {
  if (!ua) return { browser: null, os: null };
  let browser: string | null = null;
  for (const [pattern, name] of browsers) {
    const match = pattern.exec(ua);
    if (match) {
      browser = match[1] ? `${name} ${match[1]}` : name;
      break;
    }
  }
  return { browser, os: parseOs(ua) };
}
