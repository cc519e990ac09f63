// The facet sidebar and the filter chips. Every facet the server counts is shown: outlet, author, the article
// metadata keys (topic, bias, …) and the entity types.

import {el} from './dom.js';
import {activeValues, filterCount, forEachFilter} from './state.js';

export const FACET_LABELS = {outlet: 'Outlet', author: 'Authors', bias: 'Bias', topic: 'Topic', org: 'Organisations',
  person: 'People', product: 'Products', place: 'Places', money: 'Money'};

export function facetLabel(type) {
  return FACET_LABELS[type] || type.charAt(0).toUpperCase() + type.slice(1).replace(/_/g, ' ');
}

/** Fills `box` with the facets; `onToggle(type, value, on)` changes a filter. Returns whether any is shown. */
export function renderFacets(box, facets, state, onToggle) {
  box.replaceChildren();
  const types = Object.keys(facets || {});
  if (!types.includes('outlet')) types.unshift('outlet');
  let any = false;
  for (const type of types) {
    const values = Array.isArray(facets[type]) ? facets[type].slice() : [];
    // A value that is filtered on stays visible (and pressed) even if the server's top list lacks it.
    for (const v of activeValues(state, type)) {
      if (!values.some((f) => f.value === v)) values.push({value: v, count: null});
    }
    if (values.length === 0) continue;
    any = true;
    const group = el('section', 'facet-group');
    group.dataset.type = type;
    group.append(el('h2', null, facetLabel(type)));
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
      b.addEventListener('click', () => onToggle(type, f.value, !active));
      list.append(el('li', null, b));
    }
    group.append(list);
    box.append(group);
  }
  box.hidden = !any;
  return any;
}

/** Fills `box` with a removable chip per filter (and the date range), plus "Clear filters" when there are several. */
export function renderChips(box, state, onToggle, onClearDates, onClearAll, onClearSplit) {
  box.replaceChildren();
  forEachFilter(state, (type, value) => box.append(chip(type, value, () => onToggle(type, value, false))));
  if (state.from || state.to) {
    box.append(chip('date', (state.from || '…') + ' – ' + (state.to || '…'), onClearDates));
  }
  // the split is removable here too: a link whose split key this index lacks fails every search
  // until it is gone, and the "Split by" menu is only filled by a search that succeeded
  if (state.split) box.append(chip('split', state.split, onClearSplit));
  if (filterCount(state) > 1) {
    const clear = el('button', 'clear-all', 'Clear filters');
    clear.type = 'button';
    clear.addEventListener('click', onClearAll);
    box.append(clear);
  }
  box.hidden = filterCount(state) === 0 && !state.from && !state.to && !state.split;
}

/** A removable filter chip. */
export function chip(type, value, onRemove) {
  const b = el('button', 'chip');
  b.type = 'button';
  b.dataset.type = type;
  b.dataset.value = value;
  b.title = 'Remove this filter';
  b.setAttribute('aria-label', 'Remove filter ' + facetLabel(type) + ': ' + value);
  b.append(el('span', 'chip-type', type === 'date' ? 'Dates' : type === 'split' ? 'Split by' : facetLabel(type)), el('span', 'chip-value', value), el('span', 'x', '×'));
  b.addEventListener('click', onRemove);
  return b;
}
