/** The parts of a custom elements manifest (schema 1.0) this module reads and writes. */
interface Item {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  [key: string]: unknown;
}
interface Declaration extends Item {
  tagName?: string;
  customElement?: boolean;
  members?: Item[];
  attributes?: Item[];
}
interface Export {
  kind: string;
  name: string;
  declaration: { name: string; module?: string };
}
interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: Export[];
}
export interface CustomElementsManifest {
  schemaVersion: string;
  modules: Module[];
}

const isPublic = (item: Item) => !item.static && (item.privacy === undefined || item.privacy === 'public') && !item.name.startsWith('_') && !item.name.startsWith('#');

/**
 * The manifest as Storybook's docs read it: each element class gets the tag name its `define` module
 * registers it under (the analyzer records the definition but, with the package's `defineElement`
 * helper, not the class's `tagName`), and only the public API is kept — no private or `_state`
 * fields, no methods — so the docs tables list exactly the properties, attributes, events, slots,
 * parts and CSS properties a host can use.
 */
export function prepareManifest(manifest: CustomElementsManifest): CustomElementsManifest {
  const declarations = new Map<string, Declaration>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) declarations.set(`${module.path}#${declaration.name}`, declaration);
  }
  const tags = new Map<Declaration, string>();
  for (const module of manifest.modules) {
    for (const exported of module.exports ?? []) {
      if (exported.kind !== 'custom-element-definition' || !exported.declaration.module) continue;
      const declaration = declarations.get(`${exported.declaration.module}#${exported.declaration.name}`);
      if (declaration && /^[a-z][a-z0-9]*-[a-z0-9-]+$/.test(exported.name)) tags.set(declaration, exported.name);
    }
  }
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: (module.declarations ?? []).map((declaration) => {
        const tagName = declaration.tagName ?? tags.get(declaration);
        if (!tagName) return declaration;
        return {
          ...declaration,
          tagName,
          customElement: true,
          members: (declaration.members ?? []).filter((member) => member.kind === 'field' && isPublic(member) && !member.readonly),
          attributes: (declaration.attributes ?? []).filter(isPublic),
        };
      }),
    })),
  };
}

/** The tag names the manifest documents (after `prepareManifest`). */
export function documentedTags(manifest: CustomElementsManifest): string[] {
  return manifest.modules.flatMap((module) => (module.declarations ?? []).flatMap((declaration) => (declaration.tagName && declaration.customElement ? [declaration.tagName] : [])));
}
