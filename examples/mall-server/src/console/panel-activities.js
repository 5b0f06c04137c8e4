// Flash-sale activities: allocated, sold and remaining stock per line.

import { api } from './api.js';
import { byId, pill, renderRows, setAttrs, setText, toggleClass } from './dom.js';
import { fmtInt } from './format.js';

export async function loadActivities() {
  renderActivities((await api('GET', '/api/admin/activities')).items);
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
