import type { Options } from 'tsup';

/**
 * Build settings every published package shares: ESM and CJS side by side,
 * declarations for both, no minification so stack traces stay readable.
 */
export function packageBuild(entry: Record<string, string>): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node22',
    platform: 'node',
    splitting: false,
    treeshake: true,
    tsconfig: 'tsconfig.build.json',
    // Keep `node:` prefixes: `node:sqlite` exists only under its prefixed name.
    removeNodeProtocol: false,
  };
}
