// Chooses what to chart in a benchmark table and draws it as a self-contained SVG:
// horizontal bars, the baseline bar grey, a dashed goal line where the section states a
// goal in the charted unit, every bar labelled with its value as measured.
import { type Goal, isBlank, numericColumns, parseCell, type Table } from './parse.ts';

export interface Bar {
  label: string;
  value: number;
  /** The value as written in the table (with a `×` added to bare ratios). */
  display: string;
  baseline: boolean;
}

export interface Panel {
  /** Header of the charted column. */
  column: string;
  bars: Bar[];
  log: boolean;
  goal?: { value: number; label: string };
}

const ratioHeader = /÷|×|\bvs\b|\bratio\b/i;
const rateHeader = /\/s\b|per second/i;

function clean(text: string): string {
  return text.replace(/\*\*|`/g, '').trim();
}

function words(text: string): Set<string> {
  return new Set(
    clean(text)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3 && !['the', 'its', 'and', 'per'].includes(w)),
  );
}

/** What follows the last `÷`, `×` or `vs` of a ratio header: the name of its baseline. */
function divisor(header: string): string {
  const parts = header.split(/÷|×|\bvs\b/i);
  return clean(parts[parts.length - 1] ?? '');
}

function ratioPanel(table: Table, col: number, goals: Goal[]): Panel | undefined {
  const header = table.header[col] ?? '';
  const base = divisor(header);
  const baseWords = words(base);
  const bare = /^\s*[×÷]/.test(header) || /÷/.test(header);
  const bars: Bar[] = [];
  let percent = false;
  for (const row of table.rows) {
    const cell = row[col] ?? '';
    const parsed = isBlank(cell) ? undefined : parseCell(cell);
    if (!parsed) continue;
    if (parsed.unit === '%') percent = true;
    const label = clean(row[0] ?? '');
    const one = parsed.unit === '%' ? parsed.value === 100 : parsed.value === 1;
    const named = /\bbaseline\b/i.test(label) || [...words(label)].some((w) => baseWords.has(w));
    bars.push({
      label,
      value: parsed.value,
      display: parsed.unit === '' && bare ? `${clean(cell)}×` : clean(cell),
      baseline: (one && named) || (/\bbaseline\b/i.test(label) && one),
    });
  }
  if (bars.length === 0) return undefined;
  if (!bars.some((b) => b.baseline) && base) {
    // "limiter ÷ `return 1`": the baseline is another column of the same rows.
    const other = table.header.find(
      (h, i) => i !== col && clean(h).toLowerCase().includes(base.toLowerCase()),
    );
    if (other) {
      bars.unshift({
        label: clean(other),
        value: percent ? 100 : 1,
        display: percent ? '100%' : '1.00×',
        baseline: true,
      });
    }
  }
  const wanted = percent ? ['%'] : ['×', ''];
  const matching = goals.filter((g) => wanted.includes(g.unit));
  const panel: Panel = { column: clean(header), bars, log: needsLog(bars) };
  if (matching.length === 1 && matching[0]) {
    const g = matching[0];
    panel.goal = { value: g.value, label: `goal ${g.op} ${g.value}${percent ? '%' : '×'}` };
  }
  return panel;
}

function valuePanel(table: Table, col: number): Panel | undefined {
  const rows = table.rows
    .map((row) => ({ row, parsed: parseCell(row[col] ?? '') }))
    .filter((r) => r.parsed !== undefined);
  const base = rows.find((r) => /\bbaseline\b/i.test(r.row[0] ?? ''));
  const bars = rows.map(({ row, parsed }) => {
    const value = parsed?.value ?? 0;
    const ratio = base?.parsed?.value ? value / base.parsed.value : undefined;
    const display = clean(row[col] ?? '');
    return {
      label: clean(row[0] ?? ''),
      value,
      display: ratio === undefined || row === base?.row ? display : `${display} (${fmt(ratio)}×)`,
      baseline: row === base?.row,
    };
  });
  if (bars.length === 0) return undefined;
  return { column: clean(table.header[col] ?? ''), bars, log: needsLog(bars) };
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/**
 * Log scale when the values span more than 40× and some exceed the baseline; shares of a
 * baseline (all at most it, e.g. routes as % of a bare route) stay linear.
 */
function needsLog(bars: Bar[]): boolean {
  const values = bars.map((b) => b.value).filter((v) => v > 0);
  const base = bars.find((b) => b.baseline)?.value;
  if (base !== undefined && values.every((v) => v <= base)) return false;
  return values.length > 1 && Math.max(...values) / Math.min(...values) > 40;
}

/**
 * The panel to chart for a table: its first ratio column ("vs …", "× …", "… ÷ …"), else its
 * first rate column (req/s, ops/s…), else — when a row is marked as the baseline — its first
 * numeric column with each value's ratio to the baseline; undefined when none applies.
 */
export function choosePanel(table: Table, goals: Goal[]): Panel | undefined {
  const numeric = numericColumns(table);
  const ratio = numeric.find((c) => ratioHeader.test(table.header[c] ?? ''));
  if (ratio !== undefined) return ratioPanel(table, ratio, goals);
  const rate = numeric.find((c) => rateHeader.test(table.header[c] ?? ''));
  if (rate !== undefined) return valuePanel(table, rate);
  const first = numeric[0];
  if (first !== undefined && table.rows.some((r) => /\bbaseline\b/i.test(r[0] ?? ''))) {
    return valuePanel(table, first);
  }
  return undefined;
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const maxLabel = 52;

function shortLabel(label: string): string {
  let text = label;
  if (text.length > maxLabel) text = text.replace(/\s*\([^()]*\)\s*$/, '');
  if (text.length > maxLabel) text = `${text.slice(0, maxLabel - 1).trimEnd()}…`;
  return text;
}

const width = 900;
const barX = 350;
const barSpan = 400;
const rowH = 24;
const font = 'font-family="DejaVu Sans, Verdana, Arial, sans-serif"';

/** The SVG of a section's panels under its title. */
export function renderSvg(title: string, panels: Panel[]): string {
  const out: string[] = [];
  let y = 34;
  out.push(
    `<text x="16" y="${y - 10}" font-size="16" font-weight="bold" fill="#111">${esc(title)}</text>`,
  );
  for (const panel of panels) {
    y += 12;
    const scale = panel.log ? 'log scale' : 'linear scale';
    out.push(
      `<text x="16" y="${y + 4}" font-size="12" fill="#333">${esc(panel.column)} (${scale}; ${panel.bars.some((b) => b.baseline) ? 'grey bar: baseline measured in the same run' : 'no baseline row'})</text>`,
    );
    y += 16;
    const values = panel.bars.map((b) => b.value).concat(panel.goal ? [panel.goal.value] : []);
    const max = Math.max(...values);
    const positive = values.filter((v) => v > 0);
    // A decade below the smallest value, so that a bar at a power of ten still shows.
    const lo = 10 ** Math.floor(Math.log10(Math.min(...positive)) - 1e-9);
    const hi = max;
    const x = (v: number): number => {
      if (!panel.log) return max > 0 ? (Math.max(v, 0) / max) * barSpan : 0;
      if (v <= lo) return 0;
      return (Math.log10(v / lo) / Math.log10(hi / lo)) * barSpan;
    };
    const top = y;
    const height = panel.bars.length * rowH;
    const unit = panel.bars.every((b) => b.display.endsWith('×'))
      ? '×'
      : panel.bars.every((b) => b.display.endsWith('%'))
        ? '%'
        : '';
    if (panel.log) {
      for (let d = lo; d <= hi * 1.0001; d *= 10) {
        const gx = barX + x(d);
        out.push(
          `<line x1="${gx.toFixed(1)}" y1="${top}" x2="${gx.toFixed(1)}" y2="${top + height}" stroke="#ddd" stroke-width="1"/>`,
          `<text x="${gx.toFixed(1)}" y="${top + height + 12}" font-size="10" fill="#777" text-anchor="middle">${esc(fmtTick(d) + unit)}</text>`,
        );
      }
    }
    for (const [i, bar] of panel.bars.entries()) {
      const by = top + i * rowH;
      const w = Math.max(x(bar.value), 1);
      const fill = bar.baseline ? '#b0b0b0' : '#3f6fb5';
      const stroke = bar.baseline ? ' stroke="#555" stroke-width="1" stroke-dasharray="3 2"' : '';
      out.push(
        `<text x="${barX - 8}" y="${by + 15}" font-size="12" fill="#111" text-anchor="end">${esc(shortLabel(bar.label))}</text>`,
        `<rect class="bar${bar.baseline ? ' baseline' : ''}" x="${barX}" y="${by + 4}" width="${w.toFixed(1)}" height="15" fill="${fill}"${stroke}><title>${esc(`${bar.label}: ${bar.display}`)}</title></rect>`,
        `<text x="${(barX + w + 6).toFixed(1)}" y="${by + 15}" font-size="12" fill="#111"${bar.baseline ? ' font-style="italic"' : ''}>${esc(bar.baseline ? `${bar.display} (baseline)` : bar.display)}</text>`,
      );
    }
    if (panel.goal) {
      const gx = barX + x(panel.goal.value);
      out.push(
        `<line class="goal" x1="${gx.toFixed(1)}" y1="${top}" x2="${gx.toFixed(1)}" y2="${top + height}" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 3"/>`,
        `<text x="${(gx + 4).toFixed(1)}" y="${top + height + (panel.log ? 26 : 13)}" font-size="11" fill="#c0392b">${esc(panel.goal.label)}</text>`,
      );
    }
    y = top + height + (panel.log && panel.goal ? 32 : panel.log || panel.goal ? 20 : 6);
  }
  const h = y + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" ${font} role="img">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${width}" height="${h}" fill="#fff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

function fmtTick(v: number): string {
  return v >= 1000 ? `${v / 1000}k` : `${v}`;
}
