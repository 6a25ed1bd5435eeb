// Generates custom-elements.json from the JSDoc of the element classes (`cem analyze`).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**', 'src/bundle.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
