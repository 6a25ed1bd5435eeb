/**
 * What the sections import, pre-bundled by Vite up front: sections load on demand, and a dependency
 * first met mid-run would make Vite optimise again and reload the page. Storybook's dev server and
 * the story tests share the list.
 */
export const prebundledDependencies = [
  '@billingone/settings-elements > lit',
  '@billingone/settings-elements > lit/directives/live.js',
  '@billingone/settings-elements > lit/directives/if-defined.js',
  '@billingone/settings-elements > lit/directives/ref.js',
  '@billingone/settings-elements > lit/directives/repeat.js',
  '@billingone/settings-elements > @lit/context',
  '@billingone/settings-elements > lean-qr/nano',
  '@billingone/settings-elements > @simplewebauthn/browser',
  '@billingone/settings-core > ky',
  '@billingone/settings-core > zod/mini',
];
