// Runs every benchmark scenario (bench/<package>/<scenario>.ts), or those whose path
// contains one of the arguments: `pnpm --filter @mallkit/bench bench resilience`.
// After a run with no failure it regenerates docs/benchmarks.md from the READMEs (report/).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const filters = process.argv.slice(2);
const scenarios = readdirSync(here)
  .filter(
    (d) => !['src', 'report', 'node_modules'].includes(d) && statSync(join(here, d)).isDirectory(),
  )
  .flatMap((d) =>
    readdirSync(join(here, d))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(d, f)),
  )
  .filter((p) => filters.length === 0 || filters.some((f) => p.includes(f)));
let failed = 0;
for (const scenario of scenarios) {
  console.log(`\n== ${scenario}`);
  const run = spawnSync(join(here, 'node_modules/.bin/tsx'), [join(here, scenario)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
if (failed === 0) {
  // The READMEs' sections are up to date: regenerate docs/benchmarks.md and its charts.
  const report = spawnSync(process.execPath, [join(here, 'report/generate.ts')], {
    stdio: 'inherit',
  });
  if (report.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
