// Health of the server's guards: the dependency breakers and the load shedder.

import { byId, facts, pill, renderRows } from './dom.js';
import { fmtInt, fmtPct, fmtRate } from './format.js';

const BREAKER_STATES = { closed: 'closed', open: 'open', halfOpen: 'half-open' };

export function renderBreakers(breakers) {
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

function sumValues(record) {
  return Object.values(record ?? {}).reduce(
    (sum, v) => sum + (typeof v === 'number' ? v : sumValues(v)),
    0,
  );
}

export function renderShedder(shedder) {
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
