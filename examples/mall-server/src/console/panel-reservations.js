// Reservations: unpaid orders, soonest expiry first.

import { api } from './api.js';
import { byId, renderRows, setAttrs, setText, toggleClass } from './dom.js';
import { fmtInt, isoTime, relative } from './format.js';

export async function loadReservations() {
  renderReservations((await api('GET', '/api/admin/reservations')).items);
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
