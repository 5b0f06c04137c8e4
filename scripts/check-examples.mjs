// Type-checks every ```ts example inside the TSDoc comments of the published packages'
// sources and in their READMEs, so the examples users copy from the API site cannot rot. Each example becomes
// a module in .examples/ that imports the packages by name (resolved to their sources by
// the root tsconfig's paths) and is compiled with the same strict settings as the code.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// `--only packages/cache` compiles the examples of the files under that path alone, in a
// directory of their own (so several checks can run side by side).
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : '';
const out = join(root, only ? `.examples-${only.replace(/[^a-z0-9]+/gi, '-')}` : '.examples');
const wanted = (file) => relative(root, file).startsWith(only);
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) yield path;
  }
}

const files = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  for (const file of sources(join(root, 'packages', pkg, 'src'))) {
    if (!wanted(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      const body = comment.replace(/^\s*\/?\*+\/? ?/gm, '');
      for (const [, code] of body.matchAll(/```ts\n([\s\S]*?)```/g)) {
        const name = `${relative(root, file).replace(/[/.]/g, '_')}_${files.length}.ts`;
        writeFileSync(join(out, name), `// from ${relative(root, file)}\n${code}\nexport {};\n`);
        files.push(name);
      }
    }
  }
}
// The guides in docs/ (not the generated API site): every ```ts block compiles too.
function* guides(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'api') yield* guides(path);
    else if (entry.name.endsWith('.md')) yield path;
  }
}
for (const guide of guides(join(root, 'docs'))) {
  if (!wanted(guide)) continue;
  for (const [, code] of readFileSync(guide, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)) {
    const name = `${relative(root, guide).replace(/[/.]/g, '_')}_${files.length}.ts`;
    writeFileSync(join(out, name), `// from ${relative(root, guide)}\n${code}\nexport {};\n`);
    files.push(name);
  }
}
// The packages' READMEs: every ```ts block there compiles too.
for (const pkg of readdirSync(join(root, 'packages'))) {
  const readme = join(root, 'packages', pkg, 'README.md');
  if (!wanted(readme)) continue;
  let text;
  try {
    text = readFileSync(readme, 'utf8');
  } catch {
    continue;
  }
  for (const [, code] of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const name = `${relative(root, readme).replace(/[/.]/g, '_')}_${files.length}.ts`;
    writeFileSync(join(out, name), `// from ${relative(root, readme)}\n${code}\nexport {};\n`);
    files.push(name);
  }
}
// Examples run too (internal/doc-samples), so none may lean on an ambient `declare`d value
// that exists only for the compiler.
const ambient = files.filter((name) =>
  /^\s*declare\s/m.test(readFileSync(join(out, name), 'utf8')),
);
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
  console.error(
    'check-examples: a TSDoc example does not compile (see above; files in .examples/)',
  );
  process.exit(1);
}
if (only) rmSync(out, { recursive: true, force: true });
console.log(`check-examples: ${files.length} TSDoc examples compile`);
