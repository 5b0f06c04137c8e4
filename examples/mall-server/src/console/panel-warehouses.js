// Warehouses: their regions and priorities, and how orders are split over them (changeable,
// for every instance).

import { api } from './api.js';
import { byId, renderRows, setAttrs, setText } from './dom.js';
import { fmtInt } from './format.js';
import { actionFailed, notify } from './notice.js';

/** How each split strategy orders the warehouses a line is taken from. */
const STRATEGY_HELP = {
  priority: 'Lines take stock from the warehouse with the lowest priority number first.',
  nearest: "Lines take stock from warehouses in the order's region first, then by priority.",
  mostStock: 'Lines take stock from the warehouse with the most sellable stock first.',
};

const STRATEGY_NAMES = { priority: 'priority', nearest: 'nearest', mostStock: 'most stock' };

/** The split in force, as last read or set; null before the first read. */
let split = null;
/** Bumped by every split change: splits read before it are dropped. */
let epoch = 0;
let pending = false;

/** Reads the warehouses and the split (the split unless a change starts or ends meanwhile). */
export async function loadWarehouses() {
  const askedAt = epoch;
  const r = await api('GET', '/api/admin/warehouses');
  renderWarehouses(r.items);
  if (askedAt !== epoch || pending || r.split === undefined) return;
  split = r.split;
  renderSplit();
}

/** Signed out: the split is no longer known, and the controls wait for the next read. */
export function forgetSplit() {
  split = null;
  renderSplit();
}

/** A change of either control sends both. */
export function initSplit() {
  byId('split-form').addEventListener('submit', (event) => event.preventDefault());
  byId('split-strategy').addEventListener('change', changeSplit);
  byId('split-allow').addEventListener('change', changeSplit);
}

function renderWarehouses(items) {
  renderRows(byId('warehouses'), items, {
    key: (w) => w.code,
    columns: [
      { text: (w) => w.code, className: 'mono' },
      { text: (w) => w.region ?? '–' },
      { text: (w) => fmtInt(w.priority), className: 'num' },
    ],
    create: (tr, w) => setAttrs(tr, { 'data-testid': 'warehouse-row', 'data-code': w.code }),
    empty: byId('warehouses-empty'),
  });
}

function renderSplit() {
  const form = byId('split-form');
  const select = byId('split-strategy');
  const allow = byId('split-allow');
  select.disabled = pending || split === null;
  allow.disabled = pending || split === null;
  if (split === null) {
    form.removeAttribute('data-strategy');
    form.removeAttribute('data-allow-split');
    setText(byId('split-note'), '');
    return;
  }
  // never overwrite what the operator is choosing
  if (!pending && document.activeElement !== select) select.value = split.strategy;
  if (!pending && document.activeElement !== allow) allow.checked = split.allowSplit;
  setAttrs(form, { 'data-strategy': split.strategy, 'data-allow-split': String(split.allowSplit) });
  setText(
    byId('split-note'),
    `${STRATEGY_HELP[split.strategy] ?? ''} ${
      split.allowSplit
        ? 'A line may be split over several warehouses.'
        : 'A line ships whole from one warehouse, or is refused.'
    }`.trim(),
  );
}

/** PUT /api/admin/split takes the whole split: the strategy and whether lines may split. */
async function changeSplit() {
  if (split === null || pending) return;
  const select = byId('split-strategy');
  const allow = byId('split-allow');
  const body = { strategy: select.value, allowSplit: allow.checked };
  pending = true;
  epoch++;
  renderSplit();
  try {
    split = await api('PUT', '/api/admin/split', { body, retries: 4 });
    notify(
      `Orders now take stock by ${STRATEGY_NAMES[split.strategy] ?? split.strategy}, ${
        split.allowSplit ? 'split over warehouses when needed' : 'one warehouse per line'
      }, on every instance.`,
    );
  } catch (error) {
    actionFailed(error, 'Could not change the warehouse split');
  } finally {
    epoch++;
    pending = false;
    select.blur();
    allow.blur();
    renderSplit();
  }
}
