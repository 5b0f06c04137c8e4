// The mall-server admin console: plain browser JavaScript, no build step, no dependency.
// Everything it shows comes from the admin JSON API with the token the operator typed;
// every piece of data goes into the DOM as text (textContent / text nodes / attributes),
// never as markup.

const TOKEN_KEY = 'mallkit.console.adminToken';
const REFRESH_MS = 2_000;
const NOTICE_MS = 6_000;
const STOCK_LIMIT = 200;
const STRATEGIES = ['conditional', 'optimistic', 'lock', 'combining'];
const SVG_NS = 'http://www.w3.org/2000/svg';

/** What each degradation switch does when on (see src/guards/Guards.ts). */
const SWITCH_HELP = {
  'listing.off': 'Category pages answer an empty, degraded page without touching the database.',
  'product.cache-only': 'Products are served from the caches only; misses answer 503.',
  'stock.query-from-view': "Stock queries answer from the product system's stock view.",
  'flashsale.off': 'Flash-sale buys are refused.',
  'catalog.read-only': 'Catalogue writes are refused.',
};

const BREAKER_STATES = { closed: 'closed', open: 'open', halfOpen: 'half-open' };

// ---------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------

/** The element with this id (the page defines every one the script uses). */
function byId(id) {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`the page has no #${id}`);
  return node;
}

/** An HTML element with attributes and children; strings become text nodes. */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...children.filter((c) => c !== null && c !== undefined).map(toChild));
  return node;
}

/** An SVG element with attributes and children. */
function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  node.append(...children.filter((c) => c !== null && c !== undefined).map(toChild));
  return node;
}

function toChild(child) {
  return child instanceof Node ? child : String(child);
}

function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Sets the text of a node only when it changed (keeps selection and avoids layout work). */
function setText(node, text) {
  const value = String(text);
  if (node.textContent !== value) node.textContent = value;
}

function toggleClass(node, name, on) {
  node.classList.toggle(name, Boolean(on));
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const axisNumber = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

function fmtInt(value) {
  return typeof value === 'number' && Number.isFinite(value) ? integer.format(value) : '–';
}

function fmtRate(value) {
  return typeof value === 'number' && Number.isFinite(value) ? decimal.format(value) : '–';
}

function fmtPct(ratio) {
  return typeof ratio === 'number' && Number.isFinite(ratio)
    ? `${decimal.format(ratio * 100)}%`
    : '–';
}

function fmtClock(at) {
  return new Date(at).toLocaleTimeString('en-GB', { hour12: false });
}

function fmtDuration(ms) {
  const total = Math.round(Math.abs(ms) / 1000);
  if (total < 60) return `${total}s`;
  if (total < 3600) return `${Math.floor(total / 60)}m ${total % 60}s`;
  if (total < 86_400) return `${Math.floor(total / 3600)}h ${Math.floor((total % 3600) / 60)}m`;
  return `${Math.floor(total / 86_400)}d ${Math.floor((total % 86_400) / 3600)}h`;
}

/** "in 14m 2s", "3s ago", "now". */
function relative(at, now = Date.now()) {
  if (typeof at !== 'number' || !Number.isFinite(at)) return '–';
  const diff = at - now;
  if (Math.abs(diff) < 1000) return 'now';
  return diff > 0 ? `in ${fmtDuration(diff)}` : `${fmtDuration(diff)} ago`;
}

function isoTime(at) {
  return typeof at === 'number' && Number.isFinite(at) ? new Date(at).toISOString() : '';
}

// ---------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

const isAuthError = (error) =>
  error instanceof ApiError && (error.status === 401 || error.status === 403);

/**
 * One admin API call. `retries`: how many times to retry an answer of 503 or 429 (the
 * server sheds low-priority work under pressure) or a network failure, after the
 * server's Retry-After (at most 1 s).
 */
async function api(method, path, options = {}) {
  const { body, retries = 0, token = state.token } = options;
  for (let attempt = 0; ; attempt++) {
    const headers = { accept: 'application/json', authorization: `Bearer ${token ?? ''}` };
    const init = { method, headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      if (attempt < retries) {
        await delay(500);
        continue;
      }
      throw new ApiError(0, 'NETWORK', 'the server cannot be reached');
    }
    if ((response.status === 503 || response.status === 429) && attempt < retries) {
      const after = Number(response.headers.get('retry-after'));
      await delay(Number.isFinite(after) && after > 0 ? Math.min(1000, after * 1000) : 500);
      continue;
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = data !== null && typeof data === 'object' ? (data.error ?? {}) : {};
      throw new ApiError(
        response.status,
        typeof error.code === 'string' ? error.code : `HTTP_${response.status}`,
        typeof error.message === 'string' ? error.message : response.statusText,
      );
    }
    return data;
  }
}

function describeError(error) {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 503 && error.code === 'LOAD_SHED') return 'server busy (load shedding)';
  return `${error.message} (${error.code})`;
}

// ---------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------

const state = {
  /** The admin token while signed in. */
  token: null,
  timer: undefined,
  refreshing: undefined,
  noticeTimer: undefined,
  stockPrefix: '',
  stockSeq: 0,
  stockDebounce: undefined,
  /** Bumped by every switch flip: overviews asked for before it do not repaint the switches. */
  switchEpoch: 0,
  switches: [],
  pendingSwitches: new Set(),
  skus: [],
  skuFilter: '',
  /** Bumped by every strategy change: SKU lists asked for before it are dropped. */
  skuEpoch: 0,
  pendingSkus: new Set(),
  syncing: false,
};

// ---------------------------------------------------------------------------------------
// Tables: rows keyed by identity, updated in place (no flicker, focus and selects kept)
// ---------------------------------------------------------------------------------------

/**
 * Renders `items` into `tbody`, one row per item keyed by `spec.key(item)`.
 * Columns: `{ text(item), className?, field? }` or `{ render(td, item), className?, field? }`.
 * `spec.create(tr, item)` runs once per new row; `spec.empty` is shown without items.
 */
function renderRows(tbody, items, spec) {
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

function pill(td, text, kind) {
  let badge = td.firstElementChild;
  if (badge === null) {
    badge = h('span', { class: 'pill' });
    td.replaceChildren(badge);
  }
  badge.className = `pill pill-${kind}`;
  setText(badge, text);
}

/** A horizontal stacked bar: `parts` are `[value, className]`, scaled to `total`. */
function stackedBar(td, total, parts, label) {
  const signature = `${total}|${parts.map((p) => p[0]).join(',')}`;
  if (td.dataset.signature === signature) return;
  td.dataset.signature = signature;
  const width = 120;
  const svg = s('svg', {
    class: 'bar',
    viewBox: `0 0 ${width} 10`,
    width,
    height: 10,
    role: 'img',
    'aria-label': label,
  });
  svg.append(s('rect', { class: 'bar-bg', x: 0, y: 0, width, height: 10, rx: 2 }));
  let x = 0;
  for (const [value, className] of parts) {
    if (!(total > 0) || !(value > 0)) continue;
    const w = Math.min(width - x, (value / total) * width);
    svg.append(
      s('rect', { class: className, x: x.toFixed(2), y: 0, width: w.toFixed(2), height: 10 }),
    );
    x += w;
  }
  td.replaceChildren(svg);
}

// ---------------------------------------------------------------------------------------
// Charts: inline SVG line charts of the overview's `series`
// ---------------------------------------------------------------------------------------

/** A "nice" upper bound for a y axis: 1, 2, 5 × 10^n, at least `floor`. */
function niceMax(value, floor) {
  const v = Math.max(value, floor);
  const magnitude = 10 ** Math.floor(Math.log10(v));
  for (const step of [1, 2, 5, 10]) if (v <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

/**
 * Draws `samples` into `container`: `value(sample)` is a number or null (a gap);
 * `max` fixes the y axis (else it fits the data); `format` labels values, `axis` the y axis.
 */
function renderChart(container, samples, options) {
  const { value, max, format, axis = format, label, tone } = options;
  const W = 640;
  const H = 200;
  const pad = { left: 48, right: 16, top: 16, bottom: 28 };
  const plotW = W - pad.left - pad.right;
  const plotH = H - pad.top - pad.bottom;
  const points = samples
    .map((sample) => ({ at: sample.at, v: value(sample) }))
    .filter((p) => typeof p.at === 'number');
  const values = points.filter((p) => typeof p.v === 'number' && Number.isFinite(p.v));
  const top = max ?? niceMax(Math.max(0, ...values.map((p) => p.v)), 1);
  const end = points.length > 0 ? points[points.length - 1].at : Date.now();
  const start = Math.min(points.length > 0 ? points[0].at : end, end - 60_000);
  const x = (at) => pad.left + ((at - start) / Math.max(1, end - start)) * plotW;
  const y = (v) => pad.top + plotH - (Math.min(v, top) / top) * plotH;

  const last = values.length > 0 ? values[values.length - 1] : undefined;
  const svg = s('svg', {
    class: `chart-svg chart-${tone}`,
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-label': `${label}: ${last === undefined ? 'no data yet' : `latest ${format(last.v)}`}`,
    'data-testid': 'chart-svg',
    'data-points': values.length,
    'data-last-at': points.length > 0 ? end : undefined,
    'data-last-value': last === undefined ? undefined : last.v,
    'data-max-value': values.length === 0 ? undefined : Math.max(...values.map((p) => p.v)),
  });

  for (let i = 0; i <= 4; i++) {
    const v = (top * i) / 4;
    const gy = y(v).toFixed(1);
    svg.append(
      s('line', { class: 'chart-grid', x1: pad.left, x2: W - pad.right, y1: gy, y2: gy }),
      s(
        'text',
        { class: 'chart-axis', x: pad.left - 8, y: gy, 'text-anchor': 'end', dy: '0.32em' },
        axis(v),
      ),
    );
  }
  svg.append(
    s('text', { class: 'chart-axis', x: pad.left, y: H - 8 }, `−${fmtDuration(end - start)}`),
    s(
      'text',
      { class: 'chart-axis', x: W - pad.right, y: H - 8, 'text-anchor': 'end' },
      points.length > 0 ? fmtClock(end) : 'now',
    ),
  );

  // contiguous runs of numbers; a null (no requests in the interval) breaks the line
  const runs = [];
  let run = [];
  for (const p of points) {
    if (typeof p.v === 'number' && Number.isFinite(p.v)) run.push(p);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);

  const baseline = y(0).toFixed(1);
  for (const r of runs) {
    const coords = r.map((p) => `${x(p.at).toFixed(1)},${y(p.v).toFixed(1)}`);
    if (r.length === 1) {
      const [cx, cy] = coords[0].split(',');
      svg.append(s('circle', { class: 'chart-dot', cx, cy, r: 3, 'data-testid': 'chart-line' }));
      continue;
    }
    const first = x(r[0].at).toFixed(1);
    const lastX = x(r[r.length - 1].at).toFixed(1);
    svg.append(
      s('path', {
        class: 'chart-area',
        d: `M${first},${baseline}L${coords.join('L')}L${lastX},${baseline}Z`,
      }),
      s('path', { class: 'chart-line', d: `M${coords.join('L')}`, 'data-testid': 'chart-line' }),
    );
  }
  if (last !== undefined) {
    svg.append(
      s('circle', {
        class: 'chart-last',
        cx: x(last.at).toFixed(1),
        cy: y(last.v).toFixed(1),
        r: 4,
      }),
    );
  }
  const note = (text) =>
    svg.append(
      s(
        'text',
        {
          class: 'chart-empty',
          x: pad.left + plotW / 2,
          y: pad.top + plotH / 2,
          'text-anchor': 'middle',
        },
        text,
      ),
    );
  if (points.length === 0) {
    note('Waiting for samples…');
  } else if (values.length === 0) {
    note('No traffic in this window');
  }
  container.replaceChildren(svg);
}

// ---------------------------------------------------------------------------------------
// Panels
// ---------------------------------------------------------------------------------------

function renderOverview(overview, epoch) {
  const { cache, shedder, sync, series = [] } = overview;
  const lastSample = series.length > 0 ? series[series.length - 1] : undefined;

  setText(byId('kpi-hit-ratio'), fmtPct(cache.hitRatio));
  setText(
    byId('kpi-cache-hint'),
    `${fmtInt(cache.l1Entries)} in L1 · ${fmtInt(cache.misses)} misses · ${fmtInt(cache.staleServed)} stale`,
  );
  setText(byId('kpi-deductions'), fmtRate(lastSample?.deductionsPerSecond));
  setText(byId('kpi-rejections'), `${fmtRate(lastSample?.rejectionsPerSecond)} rejected / s`);
  setText(byId('kpi-inflight'), `${fmtInt(shedder.inflight)} / ${fmtInt(shedder.limit)}`);
  setText(byId('kpi-loop'), `event-loop delay ${fmtRate(shedder.eventLoopDelayMs)} ms`);
  setText(byId('kpi-lag'), sync.lag === null ? '–' : `${fmtRate(sync.lag.seconds)} s`);
  setText(
    byId('kpi-lag-hint'),
    sync.lag === null ? 'change feed lag unknown' : `${fmtInt(sync.lag.messages)} messages behind`,
  );
  setText(byId('kpi-alerts'), fmtInt(openAlerts(overview.alerts).length));

  renderChart(byId('chart-hit-ratio'), series, {
    value: (sample) => sample.hitRatio,
    max: 1,
    format: (v) => `${Math.round(v * 100)}%`,
    label: 'Cache hit ratio over time',
    tone: 'blue',
  });
  renderChart(byId('chart-deductions'), series, {
    value: (sample) => sample.deductionsPerSecond,
    format: (v) => fmtRate(v),
    axis: (v) => axisNumber.format(v),
    label: 'Deductions per second over time',
    tone: 'green',
  });

  if (epoch === state.switchEpoch && state.pendingSwitches.size === 0) {
    state.switches = overview.switches;
    renderSwitches();
  }
  renderBreakers(overview.breakers);
  renderShedder(shedder);
  renderSyncStatus(sync);
  renderHotKeys(overview.hotKeys);
  renderAlerts(overview.alerts);
}

/** The SKUs whose newest alert is raised (not cleared). */
function openAlerts(alerts) {
  const newest = new Map();
  for (const alert of alerts) if (!newest.has(alert.sku)) newest.set(alert.sku, alert);
  return [...newest.values()].filter((a) => !a.cleared);
}

function renderSwitches() {
  const list = byId('switches');
  const items = new Map();
  for (const li of Array.from(list.children)) items.set(li.dataset.name, li);
  for (const sw of state.switches) {
    let li = items.get(sw.name);
    if (li === undefined) {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'toggle',
          role: 'switch',
          'aria-checked': 'false',
          'data-testid': `switch-${sw.name}`,
          'data-name': sw.name,
          'aria-label': `${sw.name} (on: degraded)`,
        },
        h(
          'span',
          { class: 'toggle-track', 'aria-hidden': 'true' },
          h('span', { class: 'toggle-thumb' }),
        ),
        h('span', { class: 'toggle-label' }),
      );
      button.addEventListener('click', () => {
        const current = state.switches.find((x) => x.name === sw.name);
        flipSwitch(sw.name, !(current?.on ?? false));
      });
      li = h(
        'li',
        { class: 'switch-row', 'data-name': sw.name },
        h(
          'div',
          { class: 'switch-text' },
          h('span', { class: 'switch-name mono' }, sw.name),
          h('span', { class: 'switch-help' }, SWITCH_HELP[sw.name] ?? ''),
        ),
        button,
      );
      list.append(li);
    } else {
      items.delete(sw.name);
    }
    const button = li.querySelector('button');
    const pending = state.pendingSwitches.has(sw.name);
    button.setAttribute('aria-checked', sw.on ? 'true' : 'false');
    button.disabled = pending;
    toggleClass(li, 'is-on', sw.on);
    setText(button.querySelector('.toggle-label'), pending ? '…' : sw.on ? 'Degraded' : 'Normal');
  }
  for (const li of items.values()) li.remove();
}

async function flipSwitch(name, on) {
  if (state.pendingSwitches.has(name)) return;
  state.pendingSwitches.add(name);
  state.switchEpoch++;
  renderSwitches();
  try {
    const list = await api('PUT', `/api/admin/switches/${encodeURIComponent(name)}`, {
      body: { on },
      retries: 4,
    });
    state.switches = list;
    notify(`${name} is now ${on ? 'on: degraded' : 'off: normal service'}.`);
  } catch (error) {
    actionFailed(error, `Could not flip ${name}`);
  } finally {
    state.switchEpoch++;
    state.pendingSwitches.delete(name);
    renderSwitches();
  }
}

function renderBreakers(breakers) {
  renderRows(byId('breakers'), breakers, {
    key: (b) => b.name,
    columns: [
      { text: (b) => b.name, className: 'mono' },
      {
        render: (td, b) =>
          pill(
            td,
            BREAKER_STATES[b.state] ?? String(b.state),
            b.state === 'closed' ? 'ok' : b.state === 'open' ? 'bad' : 'warn',
          ),
      },
      { text: (b) => fmtInt(b.failures), className: 'num' },
      { text: (b) => fmtInt(b.openings), className: 'num' },
    ],
    create: (tr, b) => tr.setAttribute('data-testid', `breaker-${b.name}`),
  });
}

function facts(dl, pairs) {
  dl.replaceChildren(
    ...pairs.flatMap(([term, detail, testid]) => [
      h('dt', {}, term),
      h('dd', testid ? { 'data-testid': testid } : {}, detail),
    ]),
  );
}

function sumValues(record) {
  return Object.values(record ?? {}).reduce(
    (sum, v) => sum + (typeof v === 'number' ? v : sumValues(v)),
    0,
  );
}

function renderShedder(shedder) {
  const byPriority = (record) =>
    ['core', 'normal', 'background']
      .map((p) => `${p} ${fmtInt(sumValues({ v: record?.[p] }))}`)
      .join(' · ');
  facts(byId('shedder'), [
    ['In flight', `${fmtInt(shedder.inflight)} of ${fmtInt(shedder.limit)}`],
    ['By priority', byPriority(shedder.inflightByPriority)],
    ['Admitted', byPriority(shedder.admitted)],
    ['Shed', byPriority(shedder.shed)],
    ['Error rate', fmtPct(shedder.errorRate)],
    ['Event-loop delay', `${fmtRate(shedder.eventLoopDelayMs)} ms`],
  ]);
}

function renderSyncStatus(sync) {
  const consumer = sync.consumer ?? {};
  const full = sync.lastFullSync;
  facts(byId('sync-status'), [
    [
      'Change-feed lag',
      sync.lag === null
        ? 'unknown'
        : `${fmtRate(sync.lag.seconds)} s · ${fmtInt(sync.lag.messages)} messages`,
      'sync-lag',
    ],
    [
      'Events handled',
      `${fmtInt(consumer.handled)} · ${fmtInt(consumer.duplicates)} duplicates · ${fmtInt(consumer.failed)} failed`,
    ],
    ['Last event', relative(consumer.lastHandledAt)],
    [
      'Last full sync',
      full === null
        ? 'never (since this instance started)'
        : `${relative(full.endedAt)} · ${fmtDuration(full.endedAt - full.startedAt)} run`,
      'sync-last',
    ],
    [
      'Result',
      full === null
        ? '–'
        : `${fmtInt(full.checked)} checked · ${fmtInt(full.changed)} changed · ${fmtInt(full.rejected)} rejected`,
    ],
  ]);
}

async function syncNow() {
  if (state.syncing) return;
  const button = byId('sync-now');
  state.syncing = true;
  button.disabled = true;
  setText(button, 'Syncing…');
  try {
    const report = await api('POST', '/api/admin/sync', { body: {}, retries: 4 });
    renderSyncReport(report);
    notify(
      `Warehouse sync done: ${report.changed.length} changed, ${report.rejected.length} rejected.`,
    );
    refreshSoon();
  } catch (error) {
    actionFailed(error, 'Warehouse sync failed');
  } finally {
    state.syncing = false;
    button.disabled = false;
    setText(button, 'Sync now');
  }
}

function renderSyncReport(report) {
  const box = byId('sync-report');
  const changed = Array.isArray(report.changed) ? report.changed : [];
  const rejected = Array.isArray(report.rejected) ? report.rejected : [];
  setAttrs(box, {
    'data-checked': report.checked,
    'data-changed': changed.length,
    'data-rejected': rejected.length,
  });
  const shown = 8;
  const list = (items, line) =>
    items.length === 0
      ? null
      : h(
          'ul',
          { class: 'report-list' },
          ...items.slice(0, shown).map((item) => h('li', { class: 'mono' }, line(item))),
          items.length > shown
            ? h('li', { class: 'muted' }, `and ${items.length - shown} more`)
            : null,
        );
  const parts = [
    h(
      'p',
      { class: 'report-head' },
      h('strong', {}, `${report.kind ?? 'full'} sync`),
      ` at ${fmtClock(report.endedAt ?? Date.now())} · `,
      `${fmtInt(report.checked)} checked · `,
      h('span', { 'data-testid': 'sync-changed' }, `${fmtInt(changed.length)} changed`),
      ' · ',
      h(
        'span',
        { 'data-testid': 'sync-rejected', class: rejected.length > 0 ? 'text-bad' : '' },
        `${fmtInt(rejected.length)} rejected`,
      ),
    ),
    list(changed, (c) => `${c.sku} @ ${c.warehouse}: ${fmtInt(c.from)} → ${fmtInt(c.to)}`),
    list(
      rejected,
      (r) =>
        `${r.sku} @ ${r.warehouse}: ${fmtInt(r.physical)} (${r.reason}${r.retryable ? ', will retry' : ''})`,
    ),
  ];
  box.replaceChildren(...parts.filter((part) => part !== null));
  box.hidden = false;
}

function renderHotKeys(hotKeys) {
  renderRows(byId('hot-keys'), hotKeys, {
    key: (k) => k.key,
    columns: [
      { text: (k) => k.key, className: 'mono' },
      { text: (k) => fmtRate(k.rate), className: 'num' },
      { text: (k) => fmtInt(k.count), className: 'num' },
      { text: (k) => (k.markedUntil ? `${k.source}, until ${fmtClock(k.markedUntil)}` : k.source) },
    ],
    empty: byId('hot-keys-empty'),
  });
}

function renderAlerts(alerts) {
  renderRows(byId('alerts'), alerts, {
    key: (a) => `${a.sku}|${a.at}|${a.cleared}`,
    columns: [
      { text: (a) => a.sku, className: 'mono' },
      { render: (td, a) => pill(td, a.cleared ? 'cleared' : 'low', a.cleared ? 'ok' : 'warn') },
      { text: (a) => fmtInt(a.sellable), className: 'num' },
      { text: (a) => fmtInt(a.threshold), className: 'num' },
      {
        render: (td, a) => {
          setText(td, relative(a.at));
          td.title = isoTime(a.at);
        },
      },
    ],
    create: (tr) => tr.setAttribute('data-testid', 'alert-row'),
    empty: byId('alerts-empty'),
  });
}

async function loadStock(retries = 0) {
  const seq = ++state.stockSeq;
  const prefix = state.stockPrefix;
  const query = new URLSearchParams({ limit: String(STOCK_LIMIT) });
  if (prefix !== '') query.set('sku', prefix);
  const data = await api('GET', `/api/admin/stock?${query}`, { retries });
  if (seq !== state.stockSeq) return; // a newer search has been sent
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

function renderReservations(items) {
  const now = Date.now();
  renderRows(byId('reservations'), items, {
    key: (r) => `${r.orderNo}|${r.sku}|${r.warehouse}`,
    columns: [
      { text: (r) => r.orderNo, className: 'mono' },
      { text: (r) => r.sku, className: 'mono' },
      { text: (r) => r.warehouse, className: 'mono' },
      { text: (r) => fmtInt(r.quantity), className: 'num' },
      {
        render: (td, r) => {
          setText(td, relative(r.createdAt, now));
          td.title = isoTime(r.createdAt);
        },
      },
      {
        field: 'expires',
        render: (td, r) => {
          setText(td, r.expiresAt === null ? 'never' : relative(r.expiresAt, now));
          td.title = r.expiresAt === null ? '' : isoTime(r.expiresAt);
          const left = r.expiresAt === null ? Number.POSITIVE_INFINITY : r.expiresAt - now;
          toggleClass(td, 'text-bad', left <= 0);
          toggleClass(td, 'text-warn', left > 0 && left < 60_000);
        },
      },
    ],
    create: (tr, r) => setAttrs(tr, { 'data-testid': 'reservation-row', 'data-order': r.orderNo }),
    empty: byId('reservations-empty'),
  });
}

function renderActivities(activities) {
  const rows = activities.flatMap((a) =>
    a.lines.map((line) => ({
      ...line,
      activityId: a.activityId,
      engine: a.engine,
      pending: a.pending,
    })),
  );
  setText(
    byId('activities-engine'),
    activities.length === 0
      ? ''
      : `engine: ${[...new Set(activities.map((a) => a.engine))].join(', ')}`,
  );
  renderRows(byId('activities'), rows, {
    key: (r) => `${r.activityId}|${r.sku}|${r.warehouse}`,
    columns: [
      { text: (r) => r.activityId, className: 'mono' },
      { text: (r) => `${r.sku} @ ${r.warehouse}`, className: 'mono' },
      { text: (r) => fmtInt(r.allocated), className: 'num' },
      { text: (r) => fmtInt(r.sold), className: 'num' },
      {
        className: 'num',
        field: 'remaining',
        render: (td, r) => {
          setText(td, fmtInt(r.remaining));
          toggleClass(td, 'text-bad', r.remaining <= 0);
        },
      },
      { text: (r) => fmtInt(r.pending), className: 'num' },
      { render: (td, r) => pill(td, r.engine, 'info') },
      { render: (td, r) => pill(td, r.status, r.status === 'active' ? 'ok' : 'muted') },
    ],
    create: (tr, r) =>
      setAttrs(tr, { 'data-testid': 'activity-row', 'data-activity': r.activityId }),
    empty: byId('activities-empty'),
  });
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

function renderSkus() {
  const filter = state.skuFilter.toLowerCase();
  const items =
    filter === '' ? state.skus : state.skus.filter((k) => k.sku.toLowerCase().includes(filter));
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
          const pending = state.pendingSkus.has(k.sku);
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
  const current = state.skus.find((k) => k.sku === sku);
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
  state.pendingSkus.add(sku);
  state.skuEpoch++;
  select.disabled = true;
  try {
    await api('PUT', `/api/admin/skus/${encodeURIComponent(sku)}`, { body, retries: 4 });
    current.strategy = strategy === '' ? null : strategy;
    notify(`${sku} now deducts with the ${strategy === '' ? 'default' : strategy} strategy.`);
  } catch (error) {
    select.value = current.strategy ?? '';
    actionFailed(error, `Could not change the strategy of ${sku}`);
  } finally {
    state.skuEpoch++;
    state.pendingSkus.delete(sku);
    select.disabled = false;
    select.blur();
    renderSkus();
  }
}

// ---------------------------------------------------------------------------------------
// Refresh loop
// ---------------------------------------------------------------------------------------

/** Reads everything once; each panel keeps its last data when its read fails. */
async function refresh() {
  if (state.refreshing) return state.refreshing;
  const run = async () => {
    const epoch = state.switchEpoch;
    const skuEpoch = state.skuEpoch;
    const jobs = [
      api('GET', '/api/admin/overview').then((o) => renderOverview(o, epoch)),
      loadStock(),
      api('GET', '/api/admin/reservations').then((r) => renderReservations(r.items)),
      api('GET', '/api/admin/activities').then((r) => renderActivities(r.items)),
      api('GET', '/api/admin/warehouses').then((r) => renderWarehouses(r.items)),
      api('GET', '/api/admin/skus').then((r) => {
        if (skuEpoch !== state.skuEpoch || state.pendingSkus.size > 0) return;
        state.skus = r.items;
        renderSkus();
      }),
    ];
    const results = await Promise.allSettled(jobs);
    if (state.token === null) return;
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    if (failures.some(isAuthError)) {
      signOut('The server no longer accepts this token. Sign in again.');
      return;
    }
    const status = byId('refresh-status');
    toggleClass(status, 'is-error', failures.length > 0);
    setText(
      status,
      failures.length === 0
        ? `Updated ${fmtClock(Date.now())}`
        : `Refresh incomplete (${describeError(failures[0])}), retrying`,
    );
  };
  state.refreshing = run().finally(() => {
    state.refreshing = undefined;
  });
  return state.refreshing;
}

async function loop() {
  state.timer = undefined;
  if (state.token === null) return;
  if (!document.hidden) await refresh();
  if (state.token !== null) state.timer = setTimeout(loop, REFRESH_MS);
}

function refreshSoon() {
  if (state.token === null) return;
  clearTimeout(state.timer);
  state.timer = setTimeout(loop, 0);
}

// ---------------------------------------------------------------------------------------
// Notices, sign in and out
// ---------------------------------------------------------------------------------------

function notify(text, kind = 'info') {
  const box = byId('notice');
  box.className = `notice notice-${kind}`;
  setText(box, text);
  box.hidden = false;
  clearTimeout(state.noticeTimer);
  state.noticeTimer = setTimeout(() => {
    box.hidden = true;
  }, NOTICE_MS);
}

function actionFailed(error, what) {
  if (isAuthError(error)) {
    signOut('The server no longer accepts this token. Sign in again.');
    return;
  }
  notify(`${what}: ${describeError(error)}.`, 'error');
}

function showLoginError(text) {
  const box = byId('login-error');
  setText(box, text);
  box.hidden = text === '';
}

function enter(token, session) {
  state.token = token;
  sessionStorage.setItem(TOKEN_KEY, token);
  showLoginError('');
  byId('login-token').value = '';
  byId('login').hidden = true;
  byId('app').hidden = false;
  byId('session-meta').hidden = false;
  setText(byId('session-instance'), session.instance);
  setText(byId('session-mode'), `${session.mode} · flash sales on ${session.flashSaleEngine}`);
  document.title = `mallkit · ${session.instance}`;
  refreshSoon();
}

function signOut(message = '') {
  state.token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  clearTimeout(state.timer);
  state.timer = undefined;
  byId('app').hidden = true;
  byId('session-meta').hidden = true;
  byId('login').hidden = false;
  for (const id of [
    'stock',
    'reservations',
    'activities',
    'warehouses',
    'skus',
    'hot-keys',
    'alerts',
    'breakers',
  ]) {
    byId(id).replaceChildren();
  }
  byId('switches').replaceChildren();
  byId('sync-report').hidden = true;
  state.skus = [];
  state.switches = [];
  document.title = 'mallkit · admin console';
  showLoginError(message);
  byId('login-token').focus();
}

async function signIn(token, silent) {
  const button = byId('login-submit');
  button.disabled = true;
  setText(button, 'Signing in…');
  try {
    const session = await api('GET', '/api/admin/session', { token, retries: 4 });
    enter(token, session);
  } catch (error) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (isAuthError(error)) {
      showLoginError(
        silent
          ? 'Your saved token is no longer accepted. Sign in again.'
          : 'That token was refused. Check the server’s ADMIN_TOKEN and try again.',
      );
    } else {
      showLoginError(`Cannot sign in: ${describeError(error)}.`);
    }
    const input = byId('login-token');
    input.focus();
    input.select();
  } finally {
    button.disabled = false;
    setText(button, 'Sign in');
  }
}

function start() {
  byId('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = byId('login-token').value.trim();
    if (token === '') {
      showLoginError('Enter the admin token.');
      return;
    }
    signIn(token, false);
  });
  byId('logout').addEventListener('click', () => signOut());
  byId('sync-now').addEventListener('click', syncNow);

  const search = byId('stock-search');
  const runSearch = () => {
    clearTimeout(state.stockDebounce);
    state.stockPrefix = search.value.trim();
    loadStock(2).catch((error) => actionFailed(error, 'Stock search failed'));
  };
  byId('stock-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runSearch();
  });
  search.addEventListener('input', () => {
    clearTimeout(state.stockDebounce);
    state.stockDebounce = setTimeout(runSearch, 250);
  });

  const skuFilter = byId('sku-filter');
  byId('sku-form').addEventListener('submit', (event) => event.preventDefault());
  skuFilter.addEventListener('input', () => {
    state.skuFilter = skuFilter.value.trim();
    renderSkus();
  });

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) refreshSoon();
  });

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) signIn(saved, true);
  else byId('login-token').focus();
}

start();
