/**
 * Xero answers in XML unless the request says `Accept: application/json`. This renders the same
 * data as a minimal XML document, enough for a client that forgot the header to fail loudly.
 */
export function toXml(name: string, value: unknown): string {
  if (Array.isArray(value)) {
    const item = name.endsWith('s') ? name.slice(0, -1) : `${name}Item`;
    return `<${name}>${value.map((entry) => toXml(item, entry)).join('')}</${name}>`;
  }
  if (value !== null && typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined && child !== null)
      .map(([key, child]) => toXml(key, child))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
