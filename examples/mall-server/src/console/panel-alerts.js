// Low-stock alerts, newest first.

import { byId, pill, renderRows, setText } from './dom.js';
import { fmtInt, isoTime, relative } from './format.js';

/** The SKUs whose newest alert is raised (not cleared). */
export function openAlerts(alerts) {
  const newest = new Map();
  for (const alert of alerts) if (!newest.has(alert.sku)) newest.set(alert.sku, alert);
  return [...newest.values()].filter((a) => !a.cleared);
}

export function renderAlerts(alerts) {
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
