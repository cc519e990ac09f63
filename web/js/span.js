// What the chart spans when the interval is `auto`. The API's buckets run over every day the index has a dated
// paragraph (on allsides a few stray 2001 and 2007 articles stretch 2012-2020 to twenty years, so `auto` gives
// years). The chart instead spans the buckets where the query has matches (a side the user bounded with
// from/to is kept), and when that span fits a finer interval under the API's rule, the page asks for it.
// Pure functions only.

import {bucketEnd} from './chart.js';

/** The API's `auto`: the finest of day, week and month giving at most this many buckets, else year. */
export const MAX_AUTO_BUCKETS = 200;
const ORDER = ['day', 'week', 'month', 'year'];

/** The indexes [first, last] of the buckets where some series has a match, or null when none has. */
export function matchedSpan(series) {
  let first = -1, last = -1;
  for (const s of series) {
    s.buckets.forEach((b, i) => {
      if (b.count > 0) {
        if (first < 0 || i < first) first = i;
        if (i > last) last = i;
      }
    });
  }
  return first < 0 ? null : [first, last];
}

/**
 * The series without their leading buckets before the first match (unless `keepStart`) and trailing ones after
 * the last match (unless `keepEnd`); unchanged when nothing matches.
 */
export function trimmed(series, keepStart, keepEnd) {
  const span = matchedSpan(series);
  if (!span || !series.length) return series;
  const from = keepStart ? 0 : span[0];
  const to = keepEnd ? series[0].buckets.length - 1 : span[1];
  return series.map((s) => ({...s, buckets: s.buckets.slice(from, to + 1)}));
}

/** The first day (YYYY-MM-DD) of a from= value (YYYY, YYYY-MM or YYYY-MM-DD). */
export function firstDay(v) {
  return v.length === 4 ? v + '-01-01' : v.length === 7 ? v + '-01' : v;
}

/** The last day (YYYY-MM-DD) of a to= value (YYYY, YYYY-MM or YYYY-MM-DD). */
export function lastDay(v) {
  return v.length === 4 ? v + '-12-31' : v.length === 7 ? bucketEnd(v + '-01', 'month') : v;
}

/** The finest interval the API's `auto` would pick from day `from` to day `to` (YYYY-MM-DD, inclusive). */
export function autoInterval(from, to) {
  const a = new Date(from + 'T00:00:00Z'), b = new Date(to + 'T00:00:00Z');
  const days = Math.round((b - a) / 864e5) + 1;
  if (days <= MAX_AUTO_BUCKETS) return 'day';
  const mondayBefore = (a.getUTCDay() + 6) % 7; // days from the Monday that starts a's week
  if (Math.floor((days - 1 + mondayBefore) / 7) + 1 <= MAX_AUTO_BUCKETS) return 'week';
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  return months <= MAX_AUTO_BUCKETS ? 'month' : 'year';
}

/**
 * For an `auto` chart: the finer interval and the days {from, to} to ask for, when the matches (within the
 * user's from/to) span fewer days than the buckets the API chose for the whole index; else null.
 * `interval` is the API's choice, `state` the page state.
 */
export function finerSpan(series, interval, state) {
  const span = matchedSpan(series);
  if (!span) return null;
  const buckets = series[0].buckets;
  const from = state.from ? firstDay(state.from) : buckets[span[0]].start;
  const to = state.to ? lastDay(state.to) : bucketEnd(buckets[span[1]].start, interval);
  const finer = autoInterval(from, to);
  return ORDER.indexOf(finer) < ORDER.indexOf(interval) ? {interval: finer, from, to} : null;
}
