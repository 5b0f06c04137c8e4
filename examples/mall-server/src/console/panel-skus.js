// SKU strategies: each SKU's deduction strategy (changeable), shards and low-stock alert.

import { api } from './api.js';
import { byId, h, pill, renderRows, setAttrs } from './dom.js';
import { fmtInt } from './format.js';
import { actionFailed, notify } from './notice.js';

const STRATEGIES = ['conditional', 'optimistic', 'lock', 'combining'];

/** The SKUs as last read. */
let skus = [];
/** What the operator typed in the filter. */
let skuFilter = '';
/** Bumped by every strategy change: SKU lists asked for before it are dropped. */
let epoch = 0;
/** The SKUs whose strategy is being changed. */
const changing = new Set();

/** Reads the SKUs, unless a strategy change starts or ends meanwhile. */
export async function loadSkus() {
  const askedAt = epoch;
  const r = await api('GET', '/api/admin/skus');
  if (askedAt !== epoch || changing.size > 0) return;
  skus = r.items;
  renderSkus();
}

/** Signed out: the SKUs are no longer known. */
export function forgetSkus() {
  skus = [];
}

/** Filters the list as the operator types. */
export function initSkuFilter() {
  const input = byId('sku-filter');
  byId('sku-form').addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('input', () => {
    skuFilter = input.value.trim();
    renderSkus();
  });
}

function renderSkus() {
  const filter = skuFilter.toLowerCase();
  const items = filter === '' ? skus : skus.filter((k) => k.sku.toLowerCase().includes(filter));
  renderRows(byId('skus'), items, {
    key: (k) => k.sku,
    columns: [
      { text: (k) => k.sku, className: 'mono' },
      {
        render: (td, k) => {
          let select = td.firstElementChild;
          if (select === null) {
            select = h(
              'select',
              {
                class: 'select',
                'data-testid': `strategy-${k.sku}`,
                'aria-label': `Deduction strategy of ${k.sku}`,
              },
              h('option', { value: '' }, 'default'),
              ...STRATEGIES.map((name) => h('option', { value: name }, name)),
            );
            select.addEventListener('change', () => changeStrategy(k.sku, select));
            td.replaceChildren(select);
          }
          const pending = changing.has(k.sku);
          select.disabled = pending;
          // never overwrite what the operator is choosing
          if (!pending && document.activeElement !== select) select.value = k.strategy ?? '';
          select.dataset.current = k.strategy ?? '';
        },
      },
      { text: (k) => fmtInt(k.shards), className: 'num' },
      { text: (k) => (k.low_threshold === null ? '–' : fmtInt(k.low_threshold)), className: 'num' },
      { text: (k) => (k.low_clear === null ? '–' : fmtInt(k.low_clear)), className: 'num' },
      {
        render: (td, k) =>
          k.low_threshold === null
            ? pill(td, 'off', 'muted')
            : pill(td, k.low_raised ? 'raised' : 'ok', k.low_raised ? 'warn' : 'ok'),
      },
    ],
    create: (tr, k) => setAttrs(tr, { 'data-testid': 'sku-row', 'data-sku': k.sku }),
    empty: byId('skus-empty'),
  });
}

/**
 * PUT /api/admin/skus/:sku replaces a SKU's settings, so the request carries the shards and
 * low-stock alert the SKU has now, with the new strategy (none: the service's default).
 */
async function changeStrategy(sku, select) {
  const current = skus.find((k) => k.sku === sku);
  if (current === undefined) return;
  const strategy = select.value;
  const body = { shards: current.shards };
  if (strategy !== '') body.strategy = strategy;
  if (current.low_threshold !== null) {
    body.lowStock = {
      threshold: current.low_threshold,
      ...(current.low_clear === null ? {} : { clear: current.low_clear }),
    };
  }
  changing.add(sku);
  epoch++;
  select.disabled = true;
  try {
    await api('PUT', `/api/admin/skus/${encodeURIComponent(sku)}`, { body, retries: 4 });
    current.strategy = strategy === '' ? null : strategy;
    notify(`${sku} now deducts with the ${strategy === '' ? 'default' : strategy} strategy.`);
  } catch (error) {
    select.value = current.strategy ?? '';
    actionFailed(error, `Could not change the strategy of ${sku}`);
  } finally {
    epoch++;
    changing.delete(sku);
    select.disabled = false;
    select.blur();
    renderSkus();
  }
}
