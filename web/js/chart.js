// The timeline chart: one query as bars, or 2-3 compared queries as lines, drawn as SVG by hand (no library:
// bars, lines and two axis labels are a few dozen lines). A click on a bucket, or a drag across buckets, calls
// onRange(from, to) with the first and last day (YYYY-MM-DD) of the buckets chosen.

import {svg, el} from './dom.js';

const HEIGHT = 150;
const PAD = {left: 44, right: 8, top: 10, bottom: 22};

/**
 * Draws `series` ([{label, buckets: [{start, count, all}]}], all with the same buckets) into `box`.
 * share: plot count / all instead of count.
 */
export function drawChart(box, {interval, series, share, onRange}) {
  box.replaceChildren();
  const buckets = series.length ? series[0].buckets : [];
  if (buckets.length === 0) {
    box.append(el('p', 'chart-empty', 'No dated paragraphs in this range.'));
    return;
  }
  const width = Math.max(320, box.clientWidth || 640);
  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const value = (b) => (share ? (b.all > 0 ? b.count / b.all : 0) : b.count);
  let max = 0;
  for (const s of series) for (const b of s.buckets) max = Math.max(max, value(b));
  const yOf = (v) => PAD.top + plotH - (max > 0 ? (v / max) * plotH : 0);
  const step = plotW / buckets.length;

  const root = svg('svg', {viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, class: 'timeline-chart',
    role: 'img', 'aria-label': (share ? 'Share' : 'Count') + ' of matching paragraphs per ' + interval});
  root.append(svg('line', {x1: PAD.left, x2: width - PAD.right, y1: PAD.top + plotH, y2: PAD.top + plotH, class: 'axis'}));
  const top = svg('text', {x: PAD.left - 4, y: PAD.top + 8, class: 'tick', 'text-anchor': 'end'});
  top.textContent = share ? (max * 100).toFixed(max < 0.01 ? 2 : 1) + '%' : max.toLocaleString('en');
  const zero = svg('text', {x: PAD.left - 4, y: PAD.top + plotH, class: 'tick', 'text-anchor': 'end'});
  zero.textContent = '0';
  const first = svg('text', {x: PAD.left, y: HEIGHT - 6, class: 'tick'});
  first.textContent = label(buckets[0].start, interval);
  const last = svg('text', {x: width - PAD.right, y: HEIGHT - 6, class: 'tick', 'text-anchor': 'end'});
  last.textContent = label(buckets[buckets.length - 1].start, interval);
  root.append(top, zero, first, last);

  if (series.length === 1) {
    buckets.forEach((b, i) => {
      const y = yOf(value(b));
      const rect = svg('rect', {x: PAD.left + i * step + (step > 3 ? 0.5 : 0), y, width: Math.max(1, step - (step > 3 ? 1 : 0)),
        height: PAD.top + plotH - y, class: 'bar'});
      rect.dataset.start = b.start;
      rect.dataset.count = String(b.count);
      rect.dataset.all = String(b.all);
      root.append(rect);
    });
  } else {
    series.forEach((s, k) => {
      const points = s.buckets.map((b, i) => `${(PAD.left + (i + 0.5) * step).toFixed(1)},${yOf(value(b)).toFixed(1)}`);
      const line = svg('polyline', {points: points.join(' '), class: 'line s' + k, fill: 'none'});
      line.dataset.counts = s.buckets.map((b) => b.count).join(',');
      root.append(line);
    });
  }

  // Transparent full-height slots take the clicks and drags, and carry each bucket's tooltip.
  const slots = buckets.map((b, i) => {
    const slot = svg('rect', {x: PAD.left + i * step, y: PAD.top, width: step, height: plotH, class: 'slot'});
    slot.dataset.index = String(i);
    slot.dataset.start = b.start;
    const title = svg('title');
    title.textContent = label(b.start, interval) + ': ' + series.map((s) => (series.length > 1 ? s.label + ' ' : '')
        + s.buckets[i].count.toLocaleString('en') + (s.buckets[i].all ? ' (' + pct(s.buckets[i]) + ')' : '')).join(', ')
        + ' of ' + b.all.toLocaleString('en') + ' paragraphs';
    slot.append(title);
    root.append(slot);
    return slot;
  });

  let dragFrom = -1;
  const indexAt = (e) => {
    const t = e.target.closest && e.target.closest('.slot');
    return t ? Number(t.dataset.index) : -1;
  };
  root.addEventListener('pointerdown', (e) => {
    dragFrom = indexAt(e);
    if (dragFrom >= 0) e.preventDefault();
  });
  root.addEventListener('pointermove', (e) => {
    if (dragFrom < 0) return;
    const at = document.elementFromPoint(e.clientX, e.clientY);
    const i = at && at.classList && at.classList.contains('slot') ? Number(at.dataset.index) : -1;
    slots.forEach((s, k) => s.classList.toggle('picked', i >= 0 && k >= Math.min(dragFrom, i) && k <= Math.max(dragFrom, i)));
  });
  const finish = (e) => {
    if (dragFrom < 0) return;
    const at = document.elementFromPoint(e.clientX, e.clientY);
    let to = at && at.classList && at.classList.contains('slot') ? Number(at.dataset.index) : dragFrom;
    const a = Math.min(dragFrom, to), b = Math.max(dragFrom, to);
    dragFrom = -1;
    onRange(buckets[a].start, bucketEnd(buckets[b].start, interval));
  };
  root.addEventListener('pointerup', finish);
  root.addEventListener('click', (e) => {
    // a click without pointer events (keyboard, synthetic): the one bucket
    if (e.detail === 0 && indexAt(e) >= 0) onRange(buckets[indexAt(e)].start, bucketEnd(buckets[indexAt(e)].start, interval));
  });
  box.append(root);
  if (series.length > 1) {
    const legend = el('ul', 'legend');
    series.forEach((s, k) => legend.append(el('li', 's' + k, s.label || '(everything)')));
    box.append(legend);
  }
}

/** The last day of the bucket of `interval` starting on `start` (YYYY-MM-DD). */
export function bucketEnd(start, interval) {
  const d = new Date(start + 'T00:00:00Z');
  if (interval === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else if (interval === 'year') d.setUTCFullYear(d.getUTCFullYear(), 11, 31);
  return d.toISOString().slice(0, 10);
}

function label(start, interval) {
  if (interval === 'year') return start.slice(0, 4);
  if (interval === 'month') return start.slice(0, 7);
  return start;
}

function pct(b) {
  return (100 * b.count / b.all).toFixed(b.count / b.all < 0.01 ? 2 : 1) + '%';
}
