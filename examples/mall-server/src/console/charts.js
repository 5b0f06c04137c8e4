// Inline SVG: line charts of the overview's `series`, and the stacked bars of stock rows.

import { s } from './dom.js';
import { fmtClock, fmtDuration } from './format.js';

/** A horizontal stacked bar: `parts` are `[value, className]`, scaled to `total`. */
export function stackedBar(td, total, parts, label) {
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
export function renderChart(container, samples, options) {
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
