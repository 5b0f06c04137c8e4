// How the console writes numbers, times and durations.

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const axisNumber = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function fmtInt(value) {
  return typeof value === 'number' && Number.isFinite(value) ? integer.format(value) : '–';
}

export function fmtRate(value) {
  return typeof value === 'number' && Number.isFinite(value) ? decimal.format(value) : '–';
}

/** A chart's y-axis label: up to two decimals. */
export function fmtAxis(value) {
  return axisNumber.format(value);
}

export function fmtPct(ratio) {
  return typeof ratio === 'number' && Number.isFinite(ratio)
    ? `${decimal.format(ratio * 100)}%`
    : '–';
}

export function fmtClock(at) {
  return new Date(at).toLocaleTimeString('en-GB', { hour12: false });
}

export function fmtDuration(ms) {
  const total = Math.round(Math.abs(ms) / 1000);
  if (total < 60) return `${total}s`;
  if (total < 3600) return `${Math.floor(total / 60)}m ${total % 60}s`;
  if (total < 86_400) return `${Math.floor(total / 3600)}h ${Math.floor((total % 3600) / 60)}m`;
  return `${Math.floor(total / 86_400)}d ${Math.floor((total % 86_400) / 3600)}h`;
}

/** "in 14m 2s", "3s ago", "now". */
export function relative(at, now = Date.now()) {
  if (typeof at !== 'number' || !Number.isFinite(at)) return '–';
  const diff = at - now;
  if (Math.abs(diff) < 1000) return 'now';
  return diff > 0 ? `in ${fmtDuration(diff)}` : `${fmtDuration(diff)} ago`;
}

export function isoTime(at) {
  return typeof at === 'number' && Number.isFinite(at) ? new Date(at).toISOString() : '';
}
