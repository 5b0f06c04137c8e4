// Safe element helpers: every piece of data goes into the DOM as text (textContent, text
// nodes, attributes), never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The element with this id (the page defines every one the script uses). */
export function byId(id) {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`the page has no #${id}`);
  return node;
}

/** An HTML element with attributes and children; strings become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...children.filter((c) => c !== null && c !== undefined).map(toChild));
  return node;
}

/** An SVG element with attributes and children. */
export function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  node.append(...children.filter((c) => c !== null && c !== undefined).map(toChild));
  return node;
}

function toChild(child) {
  return child instanceof Node ? child : String(child);
}

export function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Sets the text of a node only when it changed (keeps selection and avoids layout work). */
export function setText(node, text) {
  const value = String(text);
  if (node.textContent !== value) node.textContent = value;
}

export function toggleClass(node, name, on) {
  node.classList.toggle(name, Boolean(on));
}

// ---------------------------------------------------------------------------------------
// Tables: rows keyed by identity, updated in place (no flicker, focus and selects kept)
// ---------------------------------------------------------------------------------------

/**
 * Renders `items` into `tbody`, one row per item keyed by `spec.key(item)`.
 * Columns: `{ text(item), className?, field? }` or `{ render(td, item), className?, field? }`.
 * `spec.create(tr, item)` runs once per new row; `spec.empty` is shown without items.
 */
export function renderRows(tbody, items, spec) {
  const existing = new Map();
  for (const row of Array.from(tbody.rows)) existing.set(row.dataset.key, row);
  const seen = new Map();
  const rows = [];
  for (const item of items) {
    const base = spec.key(item);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const key = n === 0 ? base : `${base}#${n}`;
    let row = existing.get(key);
    if (row === undefined) {
      row = document.createElement('tr');
      row.dataset.key = key;
      for (const column of spec.columns) {
        const td = document.createElement('td');
        if (column.className) td.className = column.className;
        if (column.field) td.dataset.field = column.field;
        row.append(td);
      }
      spec.create?.(row, item);
    } else {
      existing.delete(key);
    }
    spec.columns.forEach((column, i) => {
      const td = row.cells[i];
      if (column.render) column.render(td, item);
      else setText(td, column.text(item));
    });
    spec.update?.(row, item);
    rows.push(row);
  }
  for (const row of existing.values()) row.remove();
  rows.forEach((row, i) => {
    if (tbody.rows[i] !== row) tbody.insertBefore(row, tbody.rows[i] ?? null);
  });
  if (spec.empty) spec.empty.hidden = items.length > 0;
}

/** A coloured badge in a cell: `kind` is ok, warn, bad, info or muted. */
export function pill(td, text, kind) {
  let badge = td.firstElementChild;
  if (badge === null) {
    badge = h('span', { class: 'pill' });
    td.replaceChildren(badge);
  }
  badge.className = `pill pill-${kind}`;
  setText(badge, text);
}

/** Fills a definition list with `[term, detail, testid?]` pairs. */
export function facts(dl, pairs) {
  dl.replaceChildren(
    ...pairs.flatMap(([term, detail, testid]) => [
      h('dt', {}, term),
      h('dd', testid ? { 'data-testid': testid } : {}, detail),
    ]),
  );
}
