// Stock by SKU and warehouse, searched by SKU prefix.

import { api } from './api.js';
import { stackedBar } from './charts.js';
import { byId, renderRows, setAttrs, setText, toggleClass } from './dom.js';
import { fmtInt } from './format.js';
import { actionFailed } from './notice.js';

const STOCK_LIMIT = 200;

/** The SKU prefix searched for ('' : all). */
let searchPrefix = '';
/** Bumped by every read: answers to older reads are dropped. */
let searchSeq = 0;
let debounce;

/** Searches as the operator types (after a pause) or presses Enter. */
export function initStockSearch() {
  const search = byId('stock-search');
  const runSearch = () => {
    clearTimeout(debounce);
    searchPrefix = search.value.trim();
    loadStock(2).catch((error) => actionFailed(error, 'Stock search failed'));
  };
  byId('stock-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runSearch();
  });
  search.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(runSearch, 250);
  });
}

export async function loadStock(retries = 0) {
  const seq = ++searchSeq;
  const prefix = searchPrefix;
  const query = new URLSearchParams({ limit: String(STOCK_LIMIT) });
  if (prefix !== '') query.set('sku', prefix);
  const data = await api('GET', `/api/admin/stock?${query}`, { retries });
  if (seq !== searchSeq) return; // a newer search has been sent
  renderStock(data.items, prefix);
}

function renderStock(items, prefix) {
  const tbody = byId('stock');
  renderRows(tbody, items, {
    key: (r) => `${r.sku}|${r.warehouse}`,
    columns: [
      { text: (r) => r.sku, className: 'mono', field: 'sku' },
      { text: (r) => r.warehouse, className: 'mono', field: 'warehouse' },
      { text: (r) => fmtInt(r.shards), className: 'num', field: 'shards' },
      { text: (r) => fmtInt(r.physical), className: 'num', field: 'physical' },
      { text: (r) => fmtInt(r.reserved), className: 'num', field: 'reserved' },
      { text: (r) => fmtInt(r.safety), className: 'num', field: 'safety' },
      { text: (r) => fmtInt(r.activity), className: 'num', field: 'activity' },
      {
        className: 'num strong',
        field: 'sellable',
        render: (td, r) => {
          setText(td, fmtInt(r.sellable));
          td.dataset.value = String(r.sellable);
          toggleClass(td, 'text-bad', r.sellable <= 0);
        },
      },
      {
        field: 'breakdown',
        render: (td, r) =>
          stackedBar(
            td,
            r.physical,
            [
              [Math.max(0, r.sellable), 'seg-sellable'],
              [r.reserved, 'seg-reserved'],
              [r.safety, 'seg-safety'],
              [r.activity, 'seg-activity'],
            ],
            `${r.sellable} sellable of ${r.physical} physical`,
          ),
      },
    ],
    create: (tr, r) =>
      setAttrs(tr, {
        'data-testid': 'stock-row',
        'data-sku': r.sku,
        'data-warehouse': r.warehouse,
      }),
    empty: byId('stock-empty'),
  });
  const table = tbody.closest('table');
  table.dataset.prefix = prefix;
  table.dataset.rows = String(items.length);
}
