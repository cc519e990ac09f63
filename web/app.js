// The search page: wires the URL state (js/state.js), the API (js/api.js), the results (js/results.js), the
// facets (js/facets.js) and the timeline chart (js/chart.js). A native ES module; no build step.

import {$, el, plainText, toCsv, download, slug, isEditable} from './js/dom.js';
import {ApiProblem, Unreachable, getJson} from './js/api.js';
import {readState, pageUrl, searchUrl, timelineUrl, isBlank, filterCount, forEachFilter, withFilter, withoutFilters,
  MAX_COMPARED, ENTITY_TYPES} from './js/state.js';
import {renderFacets, renderChips, chip, facetLabel} from './js/facets.js';
import {hitItem} from './js/results.js';
import {drawChart} from './js/chart.js';
import {finerSpan, trimmed} from './js/span.js';

const PAGE_SIZE = 10;
const EXPORT_LIMIT = 100; // the API's maximum page size
const TYPING_DELAY_MS = 250;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const ui = {
  form: $('search'), q: $('q'), error: $('error'), welcome: $('welcome'), facets: $('facets'),
  chips: $('chips'), bar: $('bar'), status: $('status'), notice: $('notice'), results: $('results'),
  more: $('more'), collapse: $('collapse'), exportCsv: $('export-csv'), exportJson: $('export-json'),
  sort: $('sort'), from: $('from'), to: $('to'), dates: $('dates'),
  timeline: $('timeline'), chart: $('chart'), interval: $('interval'), share: $('share'),
  compare: $('compare'), split: $('split'), vsInput: $('vs-input'), vsList: $('vs-list'), timelineCsv: $('timeline-csv'),
};

/** Everything the page shows, in one place: the URL state and the last answers. */
const page = {
  state: readState(location.search),
  hits: [], exhausted: false, total: 0, groups: 0, facets: null,
  series: [], interval: 'month', // the chart: [{label, buckets}] and the interval the server chose
  seq: 0, inFlight: null, typingTimer: 0, typingEntry: false,
};

// ---------- navigation ----------

/** Moves to a new state: pushes a history entry (or replaces the one made by typing) and searches. */
function go(next, {typing = false} = {}) {
  const url = pageUrl(next);
  if (url !== location.pathname + location.search) {
    if (typing && page.typingEntry) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }
  page.typingEntry = typing;
  page.state = next;
  if (!typing && ui.q.value !== next.q) ui.q.value = next.q;
  search();
}

const toggleFilter = (type, value, on) => go(withFilter(page.state, type, value, on));

// ---------- fetching ----------

async function search() {
  const seq = ++page.seq;
  if (page.inFlight) page.inFlight.abort();
  page.inFlight = new AbortController();
  const s = page.state;
  syncControls();
  renderChips(ui.chips, s, toggleFilter, () => go({...s, from: '', to: ''}), () => go(withoutFilters(s)),
      () => go({...s, split: ''}));
  if (isBlank(s)) {
    showWelcome();
    return;
  }
  document.body.classList.add('busy');
  try {
    const signal = page.inFlight.signal;
    const [body, compared] = await Promise.all([
      getJson(searchUrl(s, PAGE_SIZE, 0, true), signal),
      s.vs.length || s.split ? getJson(timelineUrl(s), signal, (b) => Array.isArray(b.series)) : null,
    ]);
    if (seq !== page.seq) return;
    showError('');
    page.hits = body.hits;
    page.exhausted = body.hits.length < PAGE_SIZE;
    page.total = body.total;
    page.groups = body.groups;
    page.facets = body.facets;
    if (compared) {
      page.interval = compared.interval;
      page.series = seriesOf(compared);
    } else {
      page.interval = body.timeline.interval;
      page.series = [{label: s.q || '(everything)', buckets: body.timeline.buckets, undated: body.timeline.undated}];
    }
    // auto: the chart spans the matches, at the finest interval that span allows (js/span.js)
    const finer = s.interval === 'auto' ? finerSpan(page.series, page.interval, s) : null;
    if (finer) {
      const closer = await getJson(timelineUrl({...s, ...finer}), signal, (b) => Array.isArray(b.series));
      if (seq !== page.seq) return;
      const undated = page.series[0].undated;
      page.interval = closer.interval;
      page.series = seriesOf(closer);
      page.series[0].undated = compared ? undefined : undated;
    }
    if (s.interval === 'auto') page.series = trimmed(page.series, Boolean(s.from), Boolean(s.to));
    renderAll();
  } catch (e) {
    if (e.name === 'AbortError' || seq !== page.seq) return;
    showFailure(e, search);
  } finally {
    if (seq === page.seq) document.body.classList.remove('busy');
  }
}

/** The chart's series from an /api/timeline answer: a label (the query, or the value split on) and buckets. */
function seriesOf(answer) {
  return answer.series.map((x) => ({label: x.split ? x.split.slice(x.split.indexOf(':') + 1) : x.q || '(everything)',
    buckets: x.buckets}));
}

async function loadMore() {
  const seq = page.seq;
  ui.more.disabled = true;
  ui.more.textContent = 'Loading…';
  try {
    const body = await getJson(searchUrl(page.state, PAGE_SIZE, page.hits.length, false),
        page.inFlight ? page.inFlight.signal : undefined);
    if (seq !== page.seq) return;
    const first = page.hits.length;
    page.hits = page.hits.concat(body.hits);
    page.exhausted = body.hits.length < PAGE_SIZE;
    page.total = body.total;
    page.groups = body.groups;
    body.hits.forEach((hit, i) => ui.results.appendChild(hitItem(hit, first + i, (t, v) => toggleFilter(t, v, true))));
    renderStatus();
    renderMore();
    const firstNew = ui.results.children[first];
    if (firstNew) firstNew.querySelector('.title').focus({preventScroll: true});
  } catch (e) {
    if (e.name === 'AbortError' || seq !== page.seq) return;
    showFailure(e, loadMore);
  } finally {
    ui.more.disabled = false;
    ui.more.textContent = 'More results';
  }
}

// ---------- rendering ----------

function syncControls() {
  const s = page.state;
  ui.sort.value = s.sort;
  if (document.activeElement !== ui.from) ui.from.value = s.from;
  if (document.activeElement !== ui.to) ui.to.value = s.to;
  ui.interval.value = s.interval;
  ui.share.checked = s.share;
  ui.collapse.checked = s.collapse;
  ui.vsList.replaceChildren(...s.vs.map((v) => chip('compare', v, () => go({...s, vs: s.vs.filter((x) => x !== v)}))));
  ui.vsInput.disabled = s.vs.length >= MAX_COMPARED || Boolean(s.split);
}

/** The split choices: the outlet, and the facets that are article metadata or authors (not the entity types). */
function renderSplit() {
  const keys = ['outlet', ...Object.keys(page.facets || {}).filter((k) => k !== 'outlet' && !ENTITY_TYPES.includes(k))];
  if (page.state.split && !keys.includes(page.state.split)) keys.push(page.state.split);
  const none = el('option', null, 'nothing');
  none.value = '';
  ui.split.replaceChildren(none, ...keys.map((k) => { const o = el('option', null, facetLabel(k).toLowerCase()); o.value = k; return o; }));
  ui.split.value = page.state.split;
  ui.split.closest('label').hidden = keys.length === 0;
}

function showWelcome() {
  Object.assign(page, {hits: [], exhausted: false, total: 0, groups: 0, series: []});
  showError('');
  ui.welcome.hidden = false;
  ui.bar.hidden = true;
  ui.timeline.hidden = true;
  ui.facets.hidden = true;
  ui.notice.hidden = true;
  ui.results.replaceChildren();
  ui.more.hidden = true;
  document.title = 'passages — news search by paragraph';
  document.body.classList.remove('busy', 'stale');
  document.body.classList.add('home');
}

function renderAll() {
  const s = page.state;
  document.body.classList.remove('stale', 'home');
  ui.welcome.hidden = true;
  ui.bar.hidden = false;
  document.title = (s.q ? s.q + ' — ' : '') + 'passages';
  try { sessionStorage.setItem('passages.lastSearch', location.pathname + location.search); } catch (e) { /* private mode */ }
  renderStatus();
  renderFacets(ui.facets, page.facets, s, toggleFilter);
  renderSplit();
  renderChart();
  renderNotice();
  ui.results.replaceChildren(...page.hits.map((h, i) => hitItem(h, i, (t, v) => toggleFilter(t, v, true))));
  renderMore();
}

function renderChart() {
  ui.timeline.hidden = false;
  ui.timeline.dataset.interval = page.interval;
  drawChart(ui.chart, {
    interval: page.interval,
    series: page.series,
    share: page.state.share,
    onRange: (from, to) => go({...page.state, from, to}),
  });
  const undated = page.series.length === 1 ? page.series[0].undated : 0;
  if (undated > 0) ui.chart.append(el('p', 'undated', undated.toLocaleString('en') + ' matching paragraphs have no date.'));
}

function renderStatus() {
  const {total, groups, hits} = page;
  const noun = total === 1 ? 'paragraph' : 'paragraphs';
  let text = total === 0 ? 'No paragraphs match' : total.toLocaleString('en') + ' ' + noun + (total === 1 ? ' matches' : ' match');
  if (groups < total && total > 0) text += ' in ' + groups.toLocaleString('en') + (groups === 1 ? ' group' : ' groups');
  // copies of a text shown above are folded under it, so the last page can end below the count
  if (groups > hits.length && hits.length > 0) {
    text += page.exhausted ? ' · ' + hits.length + (hits.length === 1 ? ' distinct text' : ' distinct texts') : ' · showing ' + hits.length;
  }
  ui.status.textContent = text;
  ui.exportCsv.disabled = ui.exportJson.disabled = total === 0;
}

function renderNotice() {
  const s = page.state;
  ui.notice.replaceChildren();
  ui.notice.className = 'notice';
  if (page.total > 0) { ui.notice.hidden = true; return; }
  ui.notice.hidden = false;
  const p = el('p', null, s.q ? 'Nothing matches “' + s.q + '”' : 'Nothing matches');
  const dated = Boolean(s.from || s.to);
  const limits = filterCount(s) + (dated ? 1 : 0);
  if (limits > 0) {
    // the dates narrow the search as a filter does: name them, and offer to drop them
    p.append(' ' + (filterCount(s) === 0 ? 'in these dates.' : 'with ' + (limits === 1 ? 'this filter.' : 'these filters.')));
    const tip = el('p', null, 'Try dropping one: ');
    forEachFilter(s, (type, value) => tip.append(chip(type, value, () => toggleFilter(type, value, false)), ' '));
    if (dated) tip.append(chip('date', (s.from || '…') + ' – ' + (s.to || '…'), () => go({...s, from: '', to: ''})), ' ');
    ui.notice.append(p, tip);
  } else {
    p.append('.');
    ui.notice.append(p, el('p', 'hint', 'Check the spelling, use fewer words, or try a prefix such as train*.'));
  }
}

function renderMore() {
  ui.more.hidden = page.exhausted || page.hits.length >= page.groups || page.hits.length === 0;
}

function showError(message) {
  ui.error.textContent = message;
  ui.error.hidden = !message;
  ui.q.setAttribute('aria-invalid', String(Boolean(message)));
}

function showFailure(e, retry) {
  if (e instanceof ApiProblem && e.status === 400) {
    // A query (or date) the server can't take: say why next to the box, keep the last results dimmed.
    showError(e.message);
    ui.welcome.hidden = true;
    document.body.classList.add('stale');
    return;
  }
  showError('');
  document.body.classList.remove('home');
  ui.welcome.hidden = true;
  ui.bar.hidden = true;
  ui.timeline.hidden = true;
  ui.more.hidden = true;
  ui.results.replaceChildren();
  ui.notice.hidden = false;
  ui.notice.className = 'notice problem';
  const message = e instanceof Unreachable
      ? 'Can’t reach the passages server. Check that it is running, then try again.'
      : e.message;
  const again = el('button', 'small', 'Try again');
  again.type = 'button';
  again.addEventListener('click', retry);
  ui.notice.replaceChildren(el('p', null, message), again);
}

// ---------- export ----------

// The columns of the hits CSV; new columns are added at the end, so scripts reading by position keep working.
const EXPORT_FIELDS = ['id', 'articleId', 'title', 'outlet', 'section', 'paragraph', 'text', 'link',
  'sourceLink', 'url', 'score', 'entities', 'date', 'permalink'];

async function exportAs(format) {
  const s = page.state;
  const button = format === 'csv' ? ui.exportCsv : ui.exportJson;
  button.disabled = true;
  try {
    const body = await getJson(searchUrl(s, EXPORT_LIMIT, 0, false));
    const rows = body.hits.map((h) => ({
      id: h.id, articleId: h.articleId, title: h.title, outlet: h.outlet, date: h.date,
      section: h.section, paragraph: h.paragraph, text: plainText(h.passage),
      link: new URL(h.link, location.origin).href, sourceLink: h.sourceLink, url: h.url, score: h.score,
      permalink: h.permalink ? new URL(h.permalink, location.origin).href : null,
      entities: h.entities,
    }));
    const name = 'passages-' + (slug(s.q) || 'all') + '.' + format;
    if (format === 'csv') {
      const flat = rows.map((r) => ({...r, entities: r.entities.map((e) => e.type + ':' + e.value).join('; ')}));
      download(name, 'text/csv;charset=utf-8', '\ufeff' + toCsv(EXPORT_FIELDS, flat));
    } else {
      const doc = {query: body.query, outlet: s.outlet, entity: s.entity, author: s.author, meta: s.meta,
        from: s.from || null, to: s.to || null, total: body.total, exported: rows.length, hits: rows};
      download(name, 'application/json', JSON.stringify(doc, null, 2) + '\n');
    }
  } catch (e) {
    showFailure(e, () => exportAs(format));
  } finally {
    button.disabled = false;
  }
}

/** The chart's buckets as CSV: start, then count and all (one count column per compared query). */
function exportTimeline() {
  if (!page.series.length) return;
  const columns = ['start'];
  page.series.forEach((s, k) => columns.push(page.series.length > 1 ? 'count_' + (k + 1) : 'count'));
  columns.push('all');
  const rows = page.series[0].buckets.map((b, i) => {
    const row = {start: b.start, all: b.all};
    page.series.forEach((s, k) => { row[columns[k + 1]] = s.buckets[i].count; });
    return row;
  });
  const head = page.series.length > 1 ? '# ' + page.series.map((s, k) => columns[k + 1] + '=' + s.label).join('; ') + '\r\n' : '';
  download('passages-timeline-' + (slug(page.state.q) || 'all') + '-' + page.interval + '.csv', 'text/csv;charset=utf-8',
      '\ufeff' + head + toCsv(columns, rows));
}

// ---------- events ----------

ui.q.addEventListener('input', () => {
  clearTimeout(page.typingTimer);
  page.typingTimer = setTimeout(() => go({...page.state, q: ui.q.value}, {typing: true}), TYPING_DELAY_MS);
});

ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(page.typingTimer);
  go({...page.state, q: ui.q.value});
});

ui.dates.addEventListener('submit', (e) => {
  e.preventDefault();
  const from = ui.from.value.trim(), to = ui.to.value.trim();
  for (const [name, v] of [['from', from], ['to', to]]) {
    if (v && !DATE.test(v)) { showError(name + ' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got \'' + v + '\''); return; }
  }
  go({...page.state, from, to});
});
ui.from.addEventListener('change', () => ui.dates.requestSubmit());
ui.to.addEventListener('change', () => ui.dates.requestSubmit());
ui.sort.addEventListener('change', () => go({...page.state, sort: ui.sort.value}));
ui.interval.addEventListener('change', () => go({...page.state, interval: ui.interval.value}));
ui.share.addEventListener('change', () => { page.state = {...page.state, share: ui.share.checked}; history.replaceState(null, '', pageUrl(page.state)); renderChart(); });
ui.compare.addEventListener('submit', (e) => {
  e.preventDefault();
  const v = ui.vsInput.value.trim();
  if (!v || page.state.vs.includes(v) || page.state.vs.length >= MAX_COMPARED) return;
  ui.vsInput.value = '';
  go({...page.state, vs: [...page.state.vs, v]});
});
ui.timelineCsv.addEventListener('click', exportTimeline);
ui.split.addEventListener('change', () => go({...page.state, split: ui.split.value}));
ui.more.addEventListener('click', loadMore);
ui.exportCsv.addEventListener('click', () => exportAs('csv'));
ui.exportJson.addEventListener('click', () => exportAs('json'));
ui.collapse.addEventListener('change', () => go({...page.state, collapse: ui.collapse.checked}));

// Links to other searches on this page (brand, examples) change the state without a reload.
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[data-nav]');
  if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  clearTimeout(page.typingTimer);
  go(readState(a.search));
  if (isBlank(page.state)) ui.q.focus();
});

document.addEventListener('keydown', (e) => {
  if (e.key === '/' && !isEditable(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    ui.q.focus();
    ui.q.select();
    return;
  }
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = [...ui.results.querySelectorAll('.hit .title')];
  const at = links.indexOf(document.activeElement);
  if (links.length === 0 || (e.target !== ui.q && at < 0)) return;
  e.preventDefault();
  const next = e.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : at - 1;
  if (next < 0) ui.q.focus();
  else links[next].focus();
});

window.addEventListener('popstate', () => {
  clearTimeout(page.typingTimer);
  page.typingEntry = false;
  page.state = readState(location.search);
  ui.q.value = page.state.q;
  search();
});

ui.q.value = page.state.q;
search();
if (isBlank(page.state)) ui.q.focus();
