import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, generateReport } from '../../../bench/report/generate.ts';
import { extractSections, parseTables } from '../../../bench/report/parse.ts';

// docs/benchmarks.md and docs/assets/bench-*.svg are generated from the benchmark sections
// of the READMEs (bench/report/). Regenerating them elsewhere must give the committed files,
// so the report cannot drift from the sections: after editing a section, run
// `node bench/report/generate.ts`.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'mallkit-bench-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('benchmark report', () => {
  const written = generateReport({
    root,
    out: join(tmp, 'benchmarks.md'),
    assets: join(tmp, 'assets'),
  });
  const report = buildReport(root);

  it('equals the committed docs/benchmarks.md', () => {
    expect(readFileSync(join(tmp, 'benchmarks.md'), 'utf8')).toBe(
      readFileSync(join(root, 'docs/benchmarks.md'), 'utf8'),
    );
  });

  it('writes the committed charts, and only those', () => {
    const svgs = readdirSync(join(tmp, 'assets')).sort();
    const committed = readdirSync(join(root, 'docs/assets'))
      .filter((f) => f.startsWith('bench-') && f.endsWith('.svg'))
      .sort();
    expect(svgs).toEqual(committed);
    expect(written).toHaveLength(svgs.length + 1);
    for (const file of svgs) {
      expect(readFileSync(join(tmp, 'assets', file), 'utf8'), file).toBe(
        readFileSync(join(root, 'docs/assets', file), 'utf8'),
      );
    }
  });

  it('reports every section of the READMEs, each with its machine and reproduce command', () => {
    const markdown = readFileSync(join(root, 'docs/benchmarks.md'), 'utf8');
    expect(markdown.startsWith('---\ntitle: Benchmark report\ngroup: Documents\n---\n')).toBe(true);
    expect(report.sections.length).toBeGreaterThanOrEqual(8);
    for (const { section, chart } of report.sections) {
      expect(markdown).toContain(`section \`${section.id}\``);
      expect(chart, section.id).toBe(`assets/bench-${section.id}.svg`);
      expect(markdown).toContain(`](${chart})`);
    }
    expect(markdown.match(/^\*\*Machine:\*\* Node v/gm)).toHaveLength(report.sections.length);
    expect(markdown.match(/^\*\*Reproduce:\*\* `/gm)).toHaveLength(report.sections.length);
  });

  it('draws one bar per charted row, a baseline bar per chart, in well-formed SVG', () => {
    for (const { section, svg, panels } of report.sections) {
      if (!svg) continue;
      // XML-ish: one root, every tag closed, no stray `&` or `<` in text.
      expect(svg.trim().startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.trim().endsWith('</svg>')).toBe(true);
      expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
      const opened = svg.match(/<(?!\/)[a-z]+[^>]*[^/]>/g)?.length ?? 0;
      const closed = svg.match(/<\/[a-z]+>/g)?.length ?? 0;
      expect(opened, section.id).toBe(closed);
      // No external fonts or images.
      expect(svg).not.toMatch(/@import|url\(|<image|href=/);

      const bars = svg.match(/<rect class="bar/g)?.length ?? 0;
      const baselines = svg.match(/<rect class="bar baseline"/g)?.length ?? 0;
      expect(bars, section.id).toBe(panels.reduce((n, p) => n + p.bars.length, 0));
      // Every row of the first table is a bar (the hot-keys table has no baseline row).
      const first = parseTables(section.body)[0];
      expect(bars, section.id).toBeGreaterThanOrEqual(first?.rows.length ?? 1);
      if (section.id !== 'hot-keys') expect(baselines, section.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads the sections from the markers', () => {
    const text = readFileSync(join(root, 'packages/stock/README.md'), 'utf8');
    const [hotSku] = extractSections(text, 'packages/stock/README.md');
    expect(hotSku?.id).toBe('hot-sku');
    expect(parseTables(hotSku?.body ?? '')[0]?.header[0]).toBe('strategy');
  });
});
