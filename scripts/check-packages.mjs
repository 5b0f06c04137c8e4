// Checks the published shape of every package under packages/: publint for the
// package.json/exports/files, and @arethetypeswrong for how TypeScript resolves the
// types under node10, node16 (CJS and ESM) and bundler resolution. Run after build.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = new URL('..', import.meta.url).pathname;
const dirs = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(root, 'packages', d.name));

let failed = 0;
for (const dir of dirs) {
  const { messages, pkg } = await publint({ pkgDir: dir, level: 'suggestion', strict: true });
  for (const m of messages) console.error(`publint ${pkg.name}: ${formatMessage(m, pkg)}`);
  if (messages.length > 0) failed++;

  const attw = spawnSync(
    join(root, 'node_modules/.bin/attw'),
    ['--pack', '.', '--format', 'ascii'],
    {
      cwd: dir,
      stdio: 'inherit',
      shell: false,
    },
  );
  if (attw.error) console.error(`attw could not run: ${attw.error.message}`);
  if (attw.status !== 0) failed++;
}
if (failed > 0) {
  console.error(`check-packages: ${failed} problem(s) in the published shape`);
  process.exit(1);
}
console.log(`check-packages: ${dirs.length} packages publish cleanly for ESM and CJS consumers`);
