// Type-checks every ```ts sample: the TSDoc examples of the published packages' sources
// (the API site), the guides in docs/ and the READMEs, so what users copy cannot rot. Each
// sample becomes a module in .examples/ that imports the packages by name (resolved to
// their sources by the root tsconfig's paths) and is compiled with the same strict settings
// as the code.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allSamples, moduleText } from '../internal/doc-samples/src/findSamples.ts';

const root = new URL('..', import.meta.url).pathname;
// `--only packages/cache` compiles the examples of the files under that path alone, in a
// directory of their own (so several checks can run side by side).
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : '';
const out = join(root, only ? `.examples-${only.replace(/[^a-z0-9]+/gi, '-')}` : '.examples');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

// The same samples internal/doc-samples runs (one finder for both, run by Node's type
// stripping): the TSDoc of the packages' sources, docs/ (not the API site), the READMEs.
const samples = allSamples(root).filter((sample) => sample.name.startsWith(only));
for (const sample of samples) writeFileSync(join(out, sample.module), moduleText(sample));
// Examples run too (internal/doc-samples), so none may lean on an ambient `declare`d value
// that exists only for the compiler.
const ambient = samples
  .filter((sample) => /^\s*declare\s/m.test(sample.code))
  .map((sample) => sample.name);
if (ambient.length > 0) {
  console.error(
    `check-examples: examples must run, so \`declare\` is not allowed:\n  ${ambient.join('\n  ')}`,
  );
  process.exit(1);
}
writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({ extends: '../tsconfig.json', include: ['./*.ts'] }, null, 2),
);
try {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(out, 'tsconfig.json')], {
    stdio: 'inherit',
  });
} catch {
  console.error('check-examples: a sample does not compile (see above; files in .examples/)');
  process.exit(1);
}
if (only) rmSync(out, { recursive: true, force: true });
console.log(`check-examples: ${samples.length} samples compile`);
