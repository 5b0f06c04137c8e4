// Hot keys: the product keys promoted to the in-process cache right now.

import { byId, renderRows } from './dom.js';
import { fmtClock, fmtInt, fmtRate } from './format.js';

export function renderHotKeys(hotKeys) {
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
