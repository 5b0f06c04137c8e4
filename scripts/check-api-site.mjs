// Checks the API site typedoc wrote into docs/api/, beyond typedoc's own validation:
// - every public export of the packages carries an `@example`: reads the typedoc JSON
//   written next to the HTML (`docs/api/api.json`, see typedoc.json) and lists the exports,
//   per entry point, whose comment has no example (the examples themselves are compiled by
//   check-examples.mjs and run by internal/doc-samples), and an `@group` naming the
//   concept it belongs to (the module pages and the navigation list exports by group; one
//   without lands in a stray "Interfaces" or "Classes" group);
// - no page links to a markdown file that is not one of the site's documents (typedoc
//   copies such a file into docs/api/media/ as raw text: a dead end for a reader; add it
//   to `projectDocuments` or link elsewhere);
// - every relative link of every page leads to a file of the site and, with a `#`, to an
//   id on that page (a guide heading renamed under a link shows up here).
// Exits 1 on any finding.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const KIND = {
  8: 'enum',
  32: 'variable',
  64: 'function',
  128: 'class',
  256: 'interface',
  2097152: 'type',
};
const MODULE = new Set([1, 2, 4]); // project, module, namespace
const REFERENCE = 4194304;

const project = JSON.parse(readFileSync(new URL('../docs/api/api.json', import.meta.url), 'utf8'));

/** A comment holds an example when it has an `@example` tag or a fenced block. */
function hasExample(comment) {
  if (!comment) return false;
  const tagged = (comment.blockTags ?? []).some((tag) => tag.tag === '@example');
  const fenced = (comment.summary ?? []).some(
    (part) => part.kind === 'code' && part.text.startsWith('```'),
  );
  return tagged || fenced;
}

const missing = [];
let exports = 0;
function walk(reflection, path) {
  for (const child of reflection.children ?? []) {
    if (MODULE.has(child.kind)) {
      walk(child, [...path, child.name]);
      continue;
    }
    if (child.kind === REFERENCE) continue; // a re-export documented where it is declared
    exports++;
    const comments = [child.comment, ...(child.signatures ?? []).map((s) => s.comment)];
    const what = `${path.join('/')}: ${KIND[child.kind] ?? child.kind} ${child.name}`;
    if (!comments.some(hasExample)) missing.push(`${what} has no @example`);
    const grouped = comments.some((c) => (c?.blockTags ?? []).some((t) => t.tag === '@group'));
    if (!grouped) missing.push(`${what} has no @group`);
  }
}
walk(project, []);

const media = new URL('../docs/api/media/', import.meta.url);
const rawMarkdown = existsSync(media)
  ? readdirSync(media).filter((name) => name.endsWith('.md'))
  : [];
if (rawMarkdown.length > 0) {
  console.error(
    `check-api-site: pages link to markdown that is not a document of the site (copied raw to docs/api/media/): ${rawMarkdown.join(', ')}`,
  );
  process.exitCode = 1;
}
const site = new URL('../docs/api/', import.meta.url).pathname;
const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((name) =>
  name.endsWith('.html'),
);
const html = new Map(
  pages.map((page) => [normalize(page), readFileSync(join(site, page), 'utf8')]),
);
const ids = new Map(
  [...html].map(([page, text]) => [
    page,
    new Set([...text.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])),
  ]),
);
const deadLinks = [];
for (const [page, text] of html) {
  for (const [, raw] of text.matchAll(/ href="([^"]+)"/g)) {
    if (/^(https?:|mailto:|javascript:)/.test(raw)) continue;
    const href = raw.replaceAll('&amp;', '&');
    const [path = '', fragment] = href.split('#');
    const target = path ? normalize(join(dirname(page), decodeURI(path))) : page;
    if (!existsSync(join(site, target))) deadLinks.push(`${page}: ${href}`);
    else if (
      fragment &&
      target.endsWith('.html') &&
      !ids.get(target)?.has(decodeURIComponent(fragment))
    )
      deadLinks.push(`${page}: ${href} (no such anchor)`);
  }
}
if (deadLinks.length > 0) {
  console.error(`check-api-site: ${deadLinks.length} dead links:`);
  for (const line of deadLinks) console.error(`  ${line}`);
  process.exitCode = 1;
}
if (missing.length > 0) {
  console.error(`check-api-site: ${missing.length} findings on ${exports} public exports:`);
  for (const line of missing) console.error(`  ${line}`);
  process.exitCode = 1;
}
if (process.exitCode) process.exit();
console.log(
  `check-api-site: all ${exports} public exports have an example and a group; ${pages.length} pages, no dead link`,
);
