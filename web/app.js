// The search page. All state lives in the URL, with the API's parameter names (/?q=&outlet=&entity=), so
// back/forward, reloads and shared links run the same search. Stored text is only ever set as text; the one
// markup kept from the server is <mark> in `passage`, rebuilt element by element (never innerHTML).
'use strict';
(() => {
  const PAGE_SIZE = 10;
  const EXPORT_LIMIT = 100;          // the API's maximum page size
  const TYPING_DELAY_MS = 250;
  const FACET_LABELS = {outlet: 'Outlet', org: 'Organisations', person: 'People', product: 'Products',
    place: 'Places', money: 'Money'};

  const $ = (id) => document.getElementById(id);
  const ui = {
    form: $('search'), q: $('q'), error: $('error'), welcome: $('welcome'), facets: $('facets'),
    chips: $('chips'), bar: $('bar'), status: $('status'), notice: $('notice'), results: $('results'),
    more: $('more'), collapseToggle: $('collapse-toggle'), collapse: $('collapse'),
    exportCsv: $('export-csv'), exportJson: $('export-json'),
  };

  let state = readState(location.search);
  let hits = [];            // hits shown, in order
  let total = 0;
  let groups = 0; // hits the server can page through: distinct texts with collapse=true, else = total
  let lastFacets = null;
  let requestSeq = 0;       // only the newest request may render
  let inFlight = null;      // AbortController of the newest request
  let typingTimer = 0;
  let typingEntry = false;  // the current history entry was made by typing: further typing replaces it
  let collapseSupported = false;

  // ---------- URL state ----------

  /** The page state from a query string; unknown parameters are ignored. */
  function readState(search) {
    const p = new URLSearchParams(search);
    return {
      q: p.get('q') || '',
      outlet: unique(p.getAll('outlet').filter(Boolean)),
      entity: unique(p.getAll('entity').filter((e) => e.indexOf(':') > 0)),
      collapse: p.get('collapse') === 'true',
    };
  }

  function pageUrl(s) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    s.outlet.forEach((o) => p.append('outlet', o));
    s.entity.forEach((e) => p.append('entity', e));
    if (s.collapse) p.set('collapse', 'true');
    // ':' is legal in a query string: keep entity=org:Amazon readable in the address bar.
    const qs = p.toString().replace(/%3A/gi, ':');
    return '/' + (qs ? '?' + qs : '');
  }

  function apiUrl(s, limit, offset) {
    const p = new URLSearchParams();
    p.set('q', s.q);
    s.outlet.forEach((o) => p.append('outlet', o));
    s.entity.forEach((e) => p.append('entity', e));
    // `collapse` is only sent once the server has shown it knows it (hits carrying `alsoIn`):
    // older servers answer unknown parameters with a 400.
    if (s.collapse && collapseSupported) p.set('collapse', 'true');
    p.set('limit', String(limit));
    if (offset > 0) p.set('offset', String(offset));
    return '/api/search?' + p.toString();
  }

  function isBlank(s) {
    return !s.q.trim() && s.outlet.length === 0 && s.entity.length === 0;
  }

  function filterCount(s) {
    return s.outlet.length + s.entity.length;
  }

  /** Moves to a new state: pushes a history entry (or replaces the one made by typing) and searches. */
  function go(next, {typing = false} = {}) {
    const url = pageUrl(next);
    if (url !== location.pathname + location.search) {
      if (typing && typingEntry) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    typingEntry = typing;
    state = next;
    if (!typing && ui.q.value !== state.q) ui.q.value = state.q;
    search();
  }

  // ---------- fetching ----------

  class ApiProblem extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }
  class Unreachable extends Error {}

  async function getJson(url, signal) {
    let res;
    try {
      res = await fetch(url, {signal, headers: {Accept: 'application/json'}});
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new Unreachable('unreachable');
    }
    let body = null;
    try { body = await res.json(); } catch (e) { /* not JSON: handled below */ }
    if (!res.ok) {
      throw new ApiProblem(res.status, body && typeof body.error === 'string'
          ? body.error : 'The server answered ' + res.status + '.');
    }
    if (!body || !Array.isArray(body.hits)) throw new ApiProblem(res.status, 'The server sent an unreadable answer.');
    return body;
  }

  async function search() {
    const seq = ++requestSeq;
    if (inFlight) inFlight.abort();
    inFlight = new AbortController();
    renderChips();
    if (isBlank(state)) {
      showWelcome();
      return;
    }
    document.body.classList.add('busy');
    try {
      const body = await getJson(apiUrl(state, PAGE_SIZE, 0), inFlight.signal);
      if (seq !== requestSeq) return;
      showError('');
      if (!collapseSupported && body.hits.some((h) => 'alsoIn' in h)) {
        collapseSupported = true;
        if (state.collapse) { search(); return; }  // now the server can group: ask again
      }
      hits = body.hits;
      total = body.total;
      groups = typeof body.groups === 'number' ? body.groups : body.total;
      lastFacets = body.facets || {};
      renderAll();
    } catch (e) {
      if (e.name === 'AbortError' || seq !== requestSeq) return;
      showFailure(e, search);
    } finally {
      if (seq === requestSeq) document.body.classList.remove('busy');
    }
  }

  async function loadMore() {
    const seq = requestSeq;
    ui.more.disabled = true;
    ui.more.textContent = 'Loading…';
    try {
      const body = await getJson(apiUrl(state, PAGE_SIZE, hits.length), inFlight ? inFlight.signal : undefined);
      if (seq !== requestSeq) return;
      const first = hits.length;
      hits = hits.concat(body.hits);
      total = body.total;
      groups = typeof body.groups === 'number' ? body.groups : body.total;
      body.hits.forEach((hit, i) => ui.results.appendChild(hitItem(hit, first + i)));
      renderStatus();
      renderMore();
      const firstNew = ui.results.children[first];
      if (firstNew) firstNew.querySelector('.title').focus({preventScroll: true});
    } catch (e) {
      if (e.name === 'AbortError' || seq !== requestSeq) return;
      showFailure(e, loadMore);
    } finally {
      ui.more.disabled = false;
      ui.more.textContent = 'More results';
    }
  }

  // ---------- rendering ----------

  function showWelcome() {
    hits = [];
    total = 0;
    groups = 0;
    showError('');
    ui.welcome.hidden = false;
    ui.bar.hidden = true;
    ui.facets.hidden = true;
    ui.notice.hidden = true;
    ui.results.replaceChildren();
    ui.more.hidden = true;
    document.title = 'passages — news search by paragraph';
    document.body.classList.remove('busy', 'stale');
    document.body.classList.add('home');
  }

  function renderAll() {
    document.body.classList.remove('stale', 'home');
    ui.welcome.hidden = true;
    ui.bar.hidden = false;
    document.title = (state.q ? state.q + ' — ' : '') + 'passages';
    try { sessionStorage.setItem('passages.lastSearch', location.pathname + location.search); } catch (e) { /* private mode */ }
    renderStatus();
    renderFacets();
    renderNotice();
    ui.results.replaceChildren(...hits.map(hitItem));
    renderMore();
    ui.collapseToggle.hidden = !collapseSupported;
    ui.collapse.checked = state.collapse;
  }

  function renderStatus() {
    const noun = total === 1 ? 'paragraph' : 'paragraphs';
    let text = total === 0 ? 'No paragraphs match' : total.toLocaleString('en') + ' ' + noun + (total === 1 ? ' matches' : ' match');
    if (groups < total && total > 0) text += ' in ' + groups.toLocaleString('en') + (groups === 1 ? ' group' : ' groups');
    if (groups > hits.length && hits.length > 0) text += ' · showing ' + hits.length;
    ui.status.textContent = text;
    ui.exportCsv.disabled = ui.exportJson.disabled = total === 0;
  }

  function renderNotice() {
    ui.notice.replaceChildren();
    ui.notice.className = 'notice';
    if (total > 0) { ui.notice.hidden = true; return; }
    ui.notice.hidden = false;
    const p = el('p', null, state.q ? 'Nothing matches “' + state.q + '”' : 'Nothing matches');
    if (filterCount(state) > 0) {
      p.append(' with ' + (filterCount(state) === 1 ? 'this filter.' : 'these filters.'));
      const tip = el('p', null, 'Try dropping one: ');
      forEachFilter(state, (type, value) => tip.append(chip(type, value), ' '));
      ui.notice.append(p, tip);
    } else {
      p.append('.');
      ui.notice.append(p, el('p', 'hint', 'Check the spelling, use fewer words, or try a prefix such as train*.'));
    }
  }

  function renderMore() {
    ui.more.hidden = hits.length >= groups || hits.length === 0;
  }

  /** One result: title (the link to the paragraph), where it is, the passage with the server's marks. */
  function hitItem(hit, index) {
    const li = el('li', 'hit');
    const head = el('div', 'hit-head');
    const title = el('a', 'title', hit.title || hit.articleId);
    title.href = hit.link;
    head.append(title);
    const meta = el('div', 'meta');
    meta.append(el('span', 'outlet' + (hit.outlet ? '' : ' unknown'), hit.outlet || 'Unknown outlet'));
    if (hit.section) meta.append(el('span', 'section', hit.section));
    meta.append(el('span', 'para-no', '¶ ' + hit.paragraph));
    const passage = el('p', 'passage');
    appendPassage(passage, hit.passage);
    li.append(head, meta, passage);

    const foot = el('div', 'hit-foot');
    if (Array.isArray(hit.entities) && hit.entities.length) {
      const ents = el('span', 'entities');
      const seen = new Set();
      for (const e of hit.entities) {
        const key = e.type + ':' + e.value;
        if (seen.has(key)) continue;
        seen.add(key);
        const b = el('button', 'entity ' + cssToken(e.type), e.value);
        b.type = 'button';
        b.title = 'Filter by ' + (FACET_LABELS[e.type] || e.type) + ': ' + e.value;
        b.addEventListener('click', () => toggleFilter(e.type, e.value, true));
        ents.append(b);
      }
      foot.append(ents);
    }
    const alsoIn = alsoInCount(hit);
    if (alsoIn > 0) {
      const outlets = typeof hit.alsoInOutlets === 'number' ? hit.alsoInOutlets : 0;
      const label = outlets > 0
        ? 'also in ' + outlets + (outlets === 1 ? ' other outlet' : ' other outlets')
        : 'also in ' + alsoIn + (alsoIn === 1 ? ' other article' : ' other articles');
      const span = el('span', 'also-in', label);
      if (Array.isArray(hit.alsoIn)) {
        span.title = hit.alsoIn.map((d) => (d.outlet || 'Unknown outlet') + ' · ' + d.id).join('\n');
      }
      foot.append(span);
    }
    if (hit.sourceLink && /^https?:\/\//i.test(hit.sourceLink)) {
      const src = el('a', 'source', 'at ' + (hit.outlet || 'the source') + ' ↗');
      src.href = hit.sourceLink;
      src.rel = 'noopener noreferrer';
      src.target = '_blank';
      foot.append(src);
    }
    if (foot.childNodes.length) li.append(foot);
    li.dataset.index = String(index);
    return li;
  }

  function alsoInCount(hit) {
    if (Array.isArray(hit.alsoIn)) return hit.alsoIn.length;
    return typeof hit.alsoIn === 'number' ? hit.alsoIn : 0;
  }

  /**
   * Appends a server passage (HTML-escaped text with <mark> around matches) to `target`. The string is
   * parsed into an inert document; only text nodes and <mark> elements are copied over, as text.
   */
  function appendPassage(target, passage) {
    const doc = new DOMParser().parseFromString('<!doctype html><body>' + (passage || ''), 'text/html');
    for (const node of doc.body.childNodes) {
      if (node.nodeName === 'MARK') target.append(el('mark', null, node.textContent));
      else target.append(document.createTextNode(node.textContent));
    }
  }

  function plainText(passage) {
    return new DOMParser().parseFromString('<!doctype html><body>' + (passage || ''), 'text/html').body.textContent;
  }

  function renderFacets() {
    ui.facets.replaceChildren();
    const types = Object.keys(lastFacets || {});
    if (!types.includes('outlet')) types.unshift('outlet');
    let any = false;
    for (const type of types) {
      const values = Array.isArray(lastFacets[type]) ? lastFacets[type].slice() : [];
      // A value that is filtered on stays visible (and pressed) even if the server's top list lacks it.
      for (const v of activeValues(state, type)) {
        if (!values.some((f) => f.value === v)) values.push({value: v, count: null});
      }
      if (values.length === 0) continue;
      any = true;
      const group = el('section', 'facet-group');
      group.dataset.type = type;
      group.append(el('h2', null, FACET_LABELS[type] || type));
      const list = el('ul');
      for (const f of values) {
        const active = activeValues(state, type).includes(f.value);
        const b = el('button', 'facet');
        b.type = 'button';
        b.dataset.type = type;
        b.dataset.value = f.value;
        b.setAttribute('aria-pressed', String(active));
        b.append(el('span', 'label', f.value));
        if (f.count !== null) b.append(el('span', 'count', f.count.toLocaleString('en')));
        b.addEventListener('click', () => toggleFilter(type, f.value, !active));
        list.append(el('li', null, b));
      }
      group.append(list);
      ui.facets.append(group);
    }
    ui.facets.hidden = !any;
  }

  function renderChips() {
    ui.chips.replaceChildren();
    forEachFilter(state, (type, value) => ui.chips.append(chip(type, value)));
    if (filterCount(state) > 1) {
      const clear = el('button', 'clear-all', 'Clear filters');
      clear.type = 'button';
      clear.addEventListener('click', () => go({...state, outlet: [], entity: []}));
      ui.chips.append(clear);
    }
    ui.chips.hidden = filterCount(state) === 0;
  }

  /** A removable filter chip. */
  function chip(type, value) {
    const b = el('button', 'chip');
    b.type = 'button';
    b.dataset.type = type;
    b.dataset.value = value;
    b.title = 'Remove this filter';
    b.setAttribute('aria-label', 'Remove filter ' + (FACET_LABELS[type] || type) + ': ' + value);
    b.append(el('span', 'chip-type', FACET_LABELS[type] || type), el('span', 'chip-value', value), el('span', 'x', '×'));
    b.addEventListener('click', () => toggleFilter(type, value, false));
    return b;
  }

  function forEachFilter(s, fn) {
    s.outlet.forEach((o) => fn('outlet', o));
    s.entity.forEach((e) => {
      const i = e.indexOf(':');
      fn(e.slice(0, i), e.slice(i + 1));
    });
  }

  function activeValues(s, type) {
    if (type === 'outlet') return s.outlet;
    const prefix = type + ':';
    return s.entity.filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length));
  }

  function toggleFilter(type, value, on) {
    const next = {...state, outlet: state.outlet.slice(), entity: state.entity.slice()};
    const list = type === 'outlet' ? next.outlet : next.entity;
    const item = type === 'outlet' ? value : type + ':' + value;
    const i = list.indexOf(item);
    if (on && i < 0) list.push(item);
    if (!on && i >= 0) list.splice(i, 1);
    go(next);
  }

  function showError(message) {
    ui.error.textContent = message;
    ui.error.hidden = !message;
    ui.q.setAttribute('aria-invalid', String(Boolean(message)));
  }

  function showFailure(e, retry) {
    if (e instanceof ApiProblem && e.status === 400) {
      // A query the server can't parse: say why next to the box, keep the last results dimmed.
      showError(e.message);
      ui.welcome.hidden = true;
      document.body.classList.add('stale');
      return;
    }
    showError('');
    document.body.classList.remove('home');
    ui.welcome.hidden = true;
    ui.bar.hidden = true;
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

  const EXPORT_FIELDS = ['id', 'articleId', 'title', 'outlet', 'section', 'paragraph', 'text', 'link',
    'sourceLink', 'url', 'score'];

  async function exportAs(format) {
    const button = format === 'csv' ? ui.exportCsv : ui.exportJson;
    button.disabled = true;
    try {
      const body = await getJson(apiUrl(state, EXPORT_LIMIT, 0));
      const rows = body.hits.map((h) => ({
        id: h.id, articleId: h.articleId, title: h.title, outlet: h.outlet,
        section: h.section, paragraph: h.paragraph, text: plainText(h.passage),
        link: new URL(h.link, location.origin).href, sourceLink: h.sourceLink, url: h.url, score: h.score,
        entities: h.entities || [],
      }));
      const name = 'passages-' + (slug(state.q) || 'all') + '.' + format;
      if (format === 'csv') {
        download(name, 'text/csv;charset=utf-8', '\ufeff' + toCsv(rows));
      } else {
        const doc = {query: body.query, outlet: state.outlet, entity: state.entity, total: body.total,
          exported: rows.length, hits: rows};
        download(name, 'application/json', JSON.stringify(doc, null, 2) + '\n');
      }
    } catch (e) {
      showFailure(e, () => exportAs(format));
    } finally {
      button.disabled = false;
    }
  }

  function toCsv(rows) {
    const lines = [EXPORT_FIELDS.concat('entities').join(',')];
    for (const r of rows) {
      const cells = EXPORT_FIELDS.map((f) => csvCell(r[f]));
      cells.push(csvCell(r.entities.map((e) => e.type + ':' + e.value).join('; ')));
      lines.push(cells.join(','));
    }
    return lines.join('\r\n') + '\r\n';
  }

  function csvCell(v) {
    if (v === null || v === undefined) return '';
    let s = String(v);
    // Spreadsheets run cells starting with = + - @ as formulas: keep them text.
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], {type}));
    const a = el('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---------- helpers ----------

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (typeof content === 'string') node.textContent = content;
    else if (content instanceof Node) node.append(content);
    return node;
  }

  function unique(list) {
    return [...new Set(list)];
  }

  function slug(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  }

  function cssToken(text) {
    return String(text).replace(/[^A-Za-z0-9_-]/g, '');
  }

  function isEditable(node) {
    return node && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.nodeName));
  }

  // ---------- events ----------

  ui.q.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => go({...state, q: ui.q.value}, {typing: true}), TYPING_DELAY_MS);
  });

  ui.form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typingTimer);
    go({...state, q: ui.q.value});
  });

  ui.more.addEventListener('click', loadMore);
  ui.exportCsv.addEventListener('click', () => exportAs('csv'));
  ui.exportJson.addEventListener('click', () => exportAs('json'));
  ui.collapse.addEventListener('change', () => go({...state, collapse: ui.collapse.checked}));

  // Links to other searches on this page (brand, examples) change the state without a reload.
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[data-nav]');
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    clearTimeout(typingTimer);
    go(readState(a.search));
    if (isBlank(state)) ui.q.focus();
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
    clearTimeout(typingTimer);
    typingEntry = false;
    state = readState(location.search);
    ui.q.value = state.q;
    search();
  });

  ui.q.value = state.q;
  search();
  if (isBlank(state)) ui.q.focus();
})();
