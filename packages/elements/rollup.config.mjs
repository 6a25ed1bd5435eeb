// Builds dist/billingone-settings.bundle.js: every element registered, lit and core included, minified.
// Runs after `tsc -p tsconfig.build.json` (it bundles dist/bundle.js) and writes dist/theme.css.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';

/** Minifies each chunk with esbuild's transform API. */
function esbuildMinify() {
  return {
    name: 'esbuild-minify',
    async renderChunk(code) {
      const result = await transform(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
      return { code: result.code, map: null };
    },
  };
}

/** Emits dist/theme.css (the global tokens for host pages) from the compiled token module. */
function themeStylesheet() {
  return {
    name: 'theme-stylesheet',
    async generateBundle() {
      const { themeCss } = await import('./dist/theme/tokens.js');
      this.emitFile({ type: 'asset', fileName: 'theme.css', source: themeCss() });
    },
  };
}

export default {
  input: 'dist/bundle.js',
  output: {
    file: 'dist/billingone-settings.bundle.js',
    format: 'es',
    inlineDynamicImports: true,
  },
  plugins: [nodeResolve({ browser: true, exportConditions: ['production'] }), esbuildMinify(), themeStylesheet()],
  onwarn(warning, warn) {
    // Notes about third-party code (comment placement, import cycles inside zod) that change nothing in the output.
    const inDependency = [warning.id, ...(warning.ids ?? []), ...(warning.cycle ?? [])].some((id) => id?.includes('node_modules'));
    if (inDependency && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(warning.code)) return;
    warn(warning);
  },
};
