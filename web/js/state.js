// The page state and its URLs. All state lives in the page's URL, with the API's parameter names
// (/?q=&outlet=&entity=&author=&meta=&from=&to=&sort=&interval=&share=&vs=), so back/forward, reloads and shared
// links run the same search. Pure functions only.

/** Entity types: their facet values filter with entity=type:value. */
export const ENTITY_TYPES = ['org', 'person', 'product', 'place', 'money'];
export const INTERVALS = ['auto', 'day', 'week', 'month', 'year'];
export const SORTS = ['relevance', 'newest', 'oldest'];
/** Which paragraphs: article text (the default), photo captions, or both. */
export const KINDS = ['body', 'caption', 'all'];
/** Most extra queries drawn next to the main one in compare mode (the API compares up to 3). */
export const MAX_COMPARED = 2;

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The page state from a query string; unknown parameters and malformed values are dropped. */
export function readState(search) {
  const p = new URLSearchParams(search);
  const one = (name, allowed, fallback) => (allowed.includes(p.get(name)) ? p.get(name) : fallback);
  return {
    q: p.get('q') || '',
    outlet: unique(p.getAll('outlet').filter(Boolean)),
    entity: unique(p.getAll('entity').filter((e) => e.indexOf(':') > 0)),
    author: unique(p.getAll('author').filter(Boolean)),
    meta: unique(p.getAll('meta').filter((m) => m.indexOf(':') > 0)),
    from: DATE.test(p.get('from') || '') ? p.get('from') : '',
    to: DATE.test(p.get('to') || '') ? p.get('to') : '',
    sort: one('sort', SORTS, 'relevance'),
    interval: one('interval', INTERVALS, 'auto'),
    share: p.get('share') === 'true',
    vs: unique(p.getAll('vs').filter((v) => v.trim())).slice(0, MAX_COMPARED),
    split: /^[a-z][a-z0-9_]{0,31}$/.test(p.get('split') || '') ? p.get('split') : '',
    collapse: p.get('collapse') === 'true',
    kind: one('kind', KINDS, 'body'),
  };
}

/** The filter parameters shared by the page URL, the search and the timeline API. */
function appendFilters(p, s) {
  s.outlet.forEach((o) => p.append('outlet', o));
  s.entity.forEach((e) => p.append('entity', e));
  s.author.forEach((a) => p.append('author', a));
  s.meta.forEach((m) => p.append('meta', m));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.kind && s.kind !== 'body') p.set('kind', s.kind);
}

export function pageUrl(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  appendFilters(p, s);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.interval !== 'auto') p.set('interval', s.interval);
  if (s.share) p.set('share', 'true');
  s.vs.forEach((v) => p.append('vs', v));
  if (s.split) p.set('split', s.split);
  if (s.collapse) p.set('collapse', 'true');
  // ':' is legal in a query string: keep entity=org:Amazon and meta=bias:left readable in the address bar.
  const qs = p.toString().replace(/%3A/gi, ':');
  return '/' + (qs ? '?' + qs : '');
}

/** The search API URL: a page of hits, the facets and (on the first page) the timeline. */
export function searchUrl(s, limit, offset, withTimeline) {
  const p = new URLSearchParams();
  p.set('q', s.q);
  appendFilters(p, s);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.collapse) p.set('collapse', 'true');
  p.set('limit', String(limit));
  if (offset > 0) p.set('offset', String(offset));
  if (withTimeline) p.set('timeline', s.interval);
  return '/api/search?' + p.toString();
}

/**
 * The compare API URL: the main query and the compared ones over time, under the same filters; or, with a split
 * key, the main query once per value of that key (left, right, center).
 */
export function timelineUrl(s) {
  const p = new URLSearchParams();
  (s.split ? [s.q] : [s.q, ...s.vs]).forEach((q) => p.append('q', q));
  if (s.split) p.set('split', s.split);
  appendFilters(p, s);
  p.set('interval', s.interval);
  return '/api/timeline?' + p.toString();
}

export function isBlank(s) {
  return !s.q.trim() && filterCount(s) === 0 && !s.from && !s.to;
}

export function filterCount(s) {
  return s.outlet.length + s.entity.length + s.author.length + s.meta.length;
}

/** Calls fn(type, value) for each facet filter: type is the facet dimension (outlet, org, author, bias, …). */
export function forEachFilter(s, fn) {
  s.outlet.forEach((o) => fn('outlet', o));
  s.author.forEach((a) => fn('author', a));
  for (const list of [s.meta, s.entity]) {
    list.forEach((e) => {
      const i = e.indexOf(':');
      fn(e.slice(0, i), e.slice(i + 1));
    });
  }
}

/** The values of facet dimension `type` that are filtered on. */
export function activeValues(s, type) {
  if (type === 'outlet') return s.outlet;
  if (type === 'author') return s.author;
  const prefix = type + ':';
  return listFor(s, type).filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length));
}

function listFor(s, type) {
  return ENTITY_TYPES.includes(type) ? s.entity : s.meta;
}

/** The state with the filter type=value on or off. */
export function withFilter(s, type, value, on) {
  const next = {...s, outlet: s.outlet.slice(), entity: s.entity.slice(), author: s.author.slice(), meta: s.meta.slice()};
  let list, item;
  if (type === 'outlet') { list = next.outlet; item = value; }
  else if (type === 'author') { list = next.author; item = value; }
  else { list = ENTITY_TYPES.includes(type) ? next.entity : next.meta; item = type + ':' + value; }
  const i = list.indexOf(item);
  if (on && i < 0) list.push(item);
  if (!on && i >= 0) list.splice(i, 1);
  return next;
}

/** The state without any facet filter (dates, sort and chart settings kept). */
export function withoutFilters(s) {
  return {...s, outlet: [], entity: [], author: [], meta: []};
}

export function unique(list) {
  return [...new Set(list)];
}
