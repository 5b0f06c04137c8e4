import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One ```ts sample: where it is written, the module name it runs as, and its code. */
export interface Sample {
  /** `path/from/root.md #N`: the file and the sample's place in it. */
  name: string;
  /** A file name unique to the sample, for the module it is written to. */
  module: string;
  code: string;
}

function* files(dir: string, suffix: string, skip: (name: string) => boolean): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !skip(entry.name)) yield* files(path, suffix, skip);
    else if (entry.isFile() && entry.name.endsWith(suffix) && !skip(entry.name)) yield path;
  }
}

const fenced = (text: string) => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

function samplesOf(root: string, file: string, blocks: string[]): Sample[] {
  const at = relative(root, file);
  return blocks.map((code, i) => ({
    name: `${at} #${i + 1}`,
    module: `${at.replace(/[/.]/g, '_')}_${i + 1}.ts`,
    code,
  }));
}

/** The ```ts blocks of docs/ (not the generated API site) and of the packages' READMEs. */
export function markdownSamples(root: string): Sample[] {
  const guides = [...files(join(root, 'docs'), '.md', (name) => name === 'api')];
  const readmes = readdirSync(join(root, 'packages'))
    .map((pkg) => join(root, 'packages', pkg, 'README.md'))
    .filter((file) => existsSync(file));
  return [...guides, ...readmes].flatMap((file) =>
    samplesOf(root, file, fenced(readFileSync(file, 'utf8'))),
  );
}

/** The ```ts blocks in the TSDoc comments of one package's sources (tests excluded). */
export function tsdocSamples(root: string, pkg: string): Sample[] {
  const sources = files(join(root, 'packages', pkg, 'src'), '.ts', (name) =>
    name.endsWith('.test.ts'),
  );
  return [...sources].flatMap((file) => {
    const comments = readFileSync(file, 'utf8').match(/\/\*\*[\s\S]*?\*\//g) ?? [];
    const bodies = comments.map((comment) => comment.replace(/^\s*\/?\*+\/? ?/gm, ''));
    return samplesOf(root, file, bodies.flatMap(fenced));
  });
}

/** Every sample: the markdown ones and the TSDoc examples of every package. */
export function allSamples(root: string): Sample[] {
  const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return [...markdownSamples(root), ...packages.flatMap((pkg) => tsdocSamples(root, pkg))];
}

/** The sample as the module it runs as (examples use top-level await, so it is a module). */
export const moduleText = (sample: Sample): string =>
  `// from ${sample.name}\n${sample.code}\nexport {};\n`;
