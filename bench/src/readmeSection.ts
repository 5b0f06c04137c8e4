import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Replaces the block between `<!-- bench:ID:start -->` and `<!-- bench:ID:end -->` in
 * `packages/<pkg>/README.md` with `markdown`, appending the block under a
 * "## Benchmarks" heading the first time. `pkg` may instead be the path of a markdown
 * file relative to the repository root (ending in `.md`), e.g.
 * `examples/mall-server/README.md`.
 */
export function writeReadmeSection(pkg: string, id: string, markdown: string): void {
  const file = pkg.endsWith('.md') ? pkg : `packages/${pkg}/README.md`;
  const path = fileURLToPath(new URL(`../../${file}`, import.meta.url));
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = readFileSync(path, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) {
    text = text.slice(0, from) + block + text.slice(to + end.length);
  } else {
    if (!text.includes('\n## Benchmarks\n')) text = `${text.trimEnd()}\n\n## Benchmarks\n`;
    text = `${text.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(path, text);
}
