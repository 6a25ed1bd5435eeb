import { prepareManifest, type CustomElementsManifest } from './manifest.js';

export interface ElementToken {
  tag: string;
  name: string;
  default: string;
  description: string;
}

/**
 * The second tier of tokens: the CSS custom properties an element documents (`@cssprop`) that are
 * not global `--billingone-color-*`-style tokens every element reads, one row per element and name.
 */
export function elementTokens(manifest: unknown, globals: ReadonlySet<string> = new Set()): ElementToken[] {
  const prepared = prepareManifest(manifest as CustomElementsManifest);
  const rows = new Map<string, ElementToken>();
  for (const module of prepared.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName || !declaration.customElement) continue;
      for (const property of (declaration.cssProperties as { name: string; default?: string; description?: string }[] | undefined) ?? []) {
        if (globals.has(property.name) || /^--billingone-(color|font|space|radius|shadow|line|border|focus|control|content|sidebar|dialog|duration|brand)-/.test(property.name)) continue;
        rows.set(`${declaration.tagName} ${property.name}`, { tag: declaration.tagName, name: property.name, default: property.default ?? '', description: property.description ?? '' });
      }
    }
  }
  return [...rows.values()].sort((a, b) => a.tag.localeCompare(b.tag) || a.name.localeCompare(b.name));
}
