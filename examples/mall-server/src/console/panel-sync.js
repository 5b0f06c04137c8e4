// Warehouse sync: the change feed's lag, the last full sync, and "Sync now" with its report.

import { api } from './api.js';
import { byId, facts, h, setAttrs, setText } from './dom.js';
import { fmtClock, fmtDuration, fmtInt, fmtRate, relative } from './format.js';
import { actionFailed, notify } from './notice.js';

let syncing = false;

export function renderSyncStatus(sync) {
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

/** Runs a full warehouse sync now, shows its report, then calls `onSynced`. */
export async function syncNow(onSynced) {
  if (syncing) return;
  const button = byId('sync-now');
  syncing = true;
  button.disabled = true;
  setText(button, 'Syncing…');
  try {
    const report = await api('POST', '/api/admin/sync', { body: {}, retries: 4 });
    renderSyncReport(report);
    notify(
      `Warehouse sync done: ${report.changed.length} changed, ${report.rejected.length} rejected.`,
    );
    onSynced();
  } catch (error) {
    actionFailed(error, 'Warehouse sync failed');
  } finally {
    syncing = false;
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
