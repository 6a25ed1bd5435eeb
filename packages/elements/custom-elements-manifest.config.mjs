// Generates custom-elements.json from the JSDoc of the element classes (`cem analyze`).

/**
 * Elements are registered through `defineElement('billingone-x', Class)` (a guarded define) in each
 * define.ts; this plugin reads those calls so the manifest knows each class's tag name.
 */
function defineElementCalls() {
  const tags = new Map();
  return {
    name: 'billingone-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [name, constructor] = node.arguments;
      if (!name || !constructor || !ts.isStringLiteral(name)) return;
      tags.set(constructor.getText(), name.text);
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: name.text, declaration: { name: constructor.getText() } },
      ];
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const tagName = tags.get(declaration.name);
          if (declaration.kind === 'class' && tagName) {
            declaration.tagName = tagName;
            declaration.customElement = true;
          }
          // Protected, private and `_`-prefixed internal state are not part of the public contract.
          const isPublic = (item) => !item.name?.startsWith('_') && !item.fieldName?.startsWith('_') && item.privacy !== 'private' && item.privacy !== 'protected';
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter(isPublic);
        }
        for (const definition of module.exports ?? []) {
          if (definition.kind !== 'custom-element-definition') continue;
          const owner = customElementsManifest.modules.find((candidate) =>
            (candidate.declarations ?? []).some((declaration) => declaration.name === definition.declaration.name && declaration.kind === 'class'),
          );
          if (owner) definition.declaration.module = owner.path;
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**', 'src/bundle.ts', 'src/i18n/en/**', 'src/i18n/fr/**', 'src/i18n/ar/**'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [defineElementCalls()],
};
