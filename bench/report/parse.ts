// Reads the benchmark sections that the scenarios write into the READMEs
// (`<!-- bench:<id>:start -->` … `<!-- bench:<id>:end -->`, see ../src/readmeSection.ts)
// and parses their markdown tables, goals, machine line and reproduce command.

/** One `<!-- bench:<id>:… -->` block of a README. */
export interface Section {
  id: string;
  /** README path relative to the repository root. */
  file: string;
  /** The markdown between the markers, trimmed. */
  body: string;
}

/** A markdown table as written: header cells and rows of cells (no alignment row). */
export interface Table {
  header: string[];
  rows: string[][];
}

/** A goal stated in the section's prose, e.g. `goal ≤ 2×` or `Goal: product detail ≥ 60%`. */
export interface Goal {
  op: string;
  value: number;
  /** `×`, `%`, `ns`, `ms`, `µs` or `` (a bare number). */
  unit: string;
  text: string;
}

const markerPattern = /<!-- bench:([\w-]+):start -->\n?([\s\S]*?)<!-- bench:\1:end -->/g;

/** Every benchmark section of one README, in order of appearance. */
export function extractSections(markdown: string, file: string): Section[] {
  return [...markdown.matchAll(markerPattern)].map((m) => ({
    id: m[1] ?? '',
    file,
    body: (m[2] ?? '').trim(),
  }));
}

function splitRow(line: string): string[] {
  let inner = line.trim();
  if (inner.startsWith('|')) inner = inner.slice(1);
  if (inner.endsWith('|') && !inner.endsWith('\\|')) inner = inner.slice(0, -1);
  // A `|` inside backticks or escaped as `\|` does not split cells.
  const cells: string[] = [];
  let cell = '';
  let code = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\' && inner[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      code = !code;
      cell += c;
    } else if (c === '|' && !code) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

const alignmentRow = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/** The markdown tables of a section: a header line, an alignment line, then rows. */
export function parseTables(body: string): Table[] {
  const lines = body.split('\n');
  const tables: Table[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i]?.trim() ?? '';
    if (!head.startsWith('|') || !alignmentRow.test(lines[i + 1]?.trim() ?? '')) continue;
    const header = splitRow(head);
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && (lines[j]?.trim() ?? '').startsWith('|'); j++) {
      const cells = splitRow(lines[j] ?? '');
      while (cells.length < header.length) cells.push('');
      rows.push(cells.slice(0, header.length));
    }
    tables.push({ header, rows });
    i = j - 1;
  }
  return tables;
}

/** A cell's number and unit, or undefined when the cell is not a single number. */
export interface Cell {
  value: number;
  unit: string;
}

/**
 * Parses `1,134`, `1.00×`, `71%`, `56.9 k/s`, `3.59 M`, `521 ns`, `12.2 µs`; undefined
 * for `—`, `n/a`, text, and cells holding several numbers (`14,602 / 18,104`).
 */
export function parseCell(cell: string): Cell | undefined {
  const text = cell.replace(/\*\*/g, '').trim();
  const m =
    /^([-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+)\s*(k|M|G)?\s*(×|x|%|ns|µs|us|ms|s|k\/s|\/s)?$/.exec(
      text,
    );
  if (!m) return undefined;
  const value = Number((m[1] ?? '').replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  const scale = m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : m[2] === 'G' ? 1e9 : 1;
  const unit = m[3] === 'x' ? '×' : (m[3] ?? '');
  return { value: value * scale, unit: m[2] && unit === '/s' ? 'k/s' : unit };
}

/** Whether a cell stands for "no value" (`—`, `-`, `n/a`, empty). */
export function isBlank(cell: string): boolean {
  return /^(—|–|-|n\/a|)$/i.test(cell.trim());
}

/** Indexes of the columns (after the first, the subject) whose non-blank cells are all numbers. */
export function numericColumns(table: Table): number[] {
  const out: number[] = [];
  for (let c = 1; c < table.header.length; c++) {
    const cells = table.rows.map((r) => r[c] ?? '').filter((v) => !isBlank(v));
    if (cells.length > 0 && cells.every((v) => parseCell(v) !== undefined)) out.push(c);
  }
  return out;
}

const comparators: Record<string, string> = { '>=': '≥', '<=': '≤' };

/** Goals stated in the prose of a section (not inside tables). */
export function parseGoals(body: string): Goal[] {
  const prose = body
    .split('\n')
    .filter((l) => !l.trim().startsWith('|'))
    .join('\n');
  const goals: Goal[] = [];
  const pattern = /goal\b[^.;\n]{0,60}?(≥|≤|>=|<=|<|>)\s*(\d[\d,]*(?:\.\d+)?)\s*(×|%|ns|µs|ms)?/gi;
  for (const m of prose.matchAll(pattern)) {
    const op = m[1] ?? '';
    goals.push({
      op: comparators[op] ?? op,
      value: Number((m[2] ?? '').replace(/,/g, '')),
      unit: m[3] ?? '',
      text: m[0],
    });
  }
  return goals;
}

/** The machine description (`Node vX, N × CPU, M GiB`), wherever the section states it. */
export function parseMachine(body: string): string | undefined {
  const line = /^Machine:\s*(.+?)\.?\s*$/m.exec(body);
  if (line?.[1]) return line[1];
  return /Node v\d[\d.]*,[^;\n]*?\d+(?:\.\d+)? [GM]iB/.exec(body)?.[0];
}

/** The rest of the `Reproduce:` line. */
export function parseReproduce(body: string): string | undefined {
  return /^Reproduce:\s*(.+)$/m.exec(body)?.[1]?.trim();
}

/** The section's `###` heading, if it has one. */
export function parseHeading(body: string): string | undefined {
  return /^#{2,4}\s+(.+)$/m.exec(body)?.[1]?.trim();
}
