// The overview: key figures and charts, and the panels it feeds (switches, breakers and
// shedder, sync status, hot keys, alerts), all from one read of /api/admin/overview.

import { api } from './api.js';
import { renderChart } from './charts.js';
import { byId, setText } from './dom.js';
import { fmtAxis, fmtInt, fmtPct, fmtRate } from './format.js';
import { openAlerts, renderAlerts } from './panel-alerts.js';
import { renderBreakers, renderShedder } from './panel-health.js';
import { renderHotKeys } from './panel-hot-keys.js';
import { showSwitches, switchesEpoch } from './panel-switches.js';
import { renderSyncStatus } from './panel-sync.js';

export async function loadOverview() {
  const epoch = switchesEpoch();
  renderOverview(await api('GET', '/api/admin/overview'), epoch);
}

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
    axis: fmtAxis,
    label: 'Deductions per second over time',
    tone: 'green',
  });

  showSwitches(overview.switches, epoch);
  renderBreakers(overview.breakers);
  renderShedder(shedder);
  renderSyncStatus(sync);
  renderHotKeys(overview.hotKeys);
  renderAlerts(overview.alerts);
}
