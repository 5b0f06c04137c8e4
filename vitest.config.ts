import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

/**
 * One workspace config, three projects:
 * - `unit`: pure logic, `*.test.ts` beside the code, no servers;
 * - `packaging`: the built packages, loaded by a real Node process with import and require;
 * - `integration`: real Redis (standalone + Cluster, started privately per run) and
 *   MySQL (a database per run), tests under `test/` folders.
 * Workspace packages resolve to their sources, so tests need no build.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@mallkit/resilience': src('resilience'),
      '@mallkit/cache/redis': fileURLToPath(
        new URL('./packages/cache/src/redis/index.ts', import.meta.url),
      ),
      '@mallkit/cache': src('cache'),
      '@mallkit/stock/redis': fileURLToPath(
        new URL('./packages/stock/src/redis/index.ts', import.meta.url),
      ),
      '@mallkit/stock/sqlite': fileURLToPath(
        new URL('./packages/stock/src/sqlite/index.ts', import.meta.url),
      ),
      '@mallkit/stock': src('stock'),
      '@mallkit/sync/redis': fileURLToPath(
        new URL('./packages/sync/src/redis/index.ts', import.meta.url),
      ),
      '@mallkit/sync/mysql': fileURLToPath(
        new URL('./packages/sync/src/mysql/index.ts', import.meta.url),
      ),
      '@mallkit/sync': src('sync'),
    },
  },
  test: {
    pool: 'forks',
    reporters: ['default', './internal/harness/src/SummaryReporter.ts'],
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'internal/*/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'packaging',
          include: ['internal/consumer-check/test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'packages/*/test/**/*.test.ts',
            'internal/harness/test/**/*.test.ts',
            'internal/doc-samples/test/**/*.test.ts',
            'examples/*/test/**/*.test.ts',
          ],
          globalSetup: ['internal/harness/src/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
