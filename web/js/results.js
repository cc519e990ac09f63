// One search result: title (the link to the paragraph), where and when it is, the passage with the server's
// marks, its entities (buttons that filter), copies elsewhere, and the link to the source.

import {el, appendPassage, cssToken} from './dom.js';
import {FACET_LABELS} from './facets.js';

/** The list item of `hit`; `onFilter(type, value)` adds a filter. */
export function hitItem(hit, index, onFilter) {
  const li = el('li', 'hit');
  const head = el('div', 'hit-head');
  const title = el('a', 'title', hit.title || hit.articleId);
  // the durable link (article + text fingerprint) redirects to the paragraph's current #p-N
  title.href = hit.permalink || hit.link;
  head.append(title);
  const meta = el('div', 'meta');
  meta.append(el('span', 'outlet' + (hit.outlet ? '' : ' unknown'), hit.outlet || 'Unknown outlet'));
  if (hit.date) {
    const time = el('time', 'date', hit.date);
    time.dateTime = hit.date;
    meta.append(time);
  }
  if (hit.section) meta.append(el('span', 'section', hit.section));
  meta.append(el('span', 'para-no', '¶ ' + hit.paragraph));
  const passage = el('p', 'passage');
  appendPassage(passage, hit.passage);
  li.append(head, meta, passage);

  const foot = el('div', 'hit-foot');
  if (hit.entities.length) {
    const ents = el('span', 'entities');
    const seen = new Set();
    for (const e of hit.entities) {
      const key = e.type + ':' + e.value;
      if (seen.has(key)) continue;
      seen.add(key);
      const b = el('button', 'entity ' + cssToken(e.type), e.value);
      b.type = 'button';
      b.title = 'Filter by ' + (FACET_LABELS[e.type] || e.type) + ': ' + e.value;
      b.addEventListener('click', () => onFilter(e.type, e.value));
      ents.append(b);
    }
    foot.append(ents);
  }
  if (hit.alsoIn.length > 0) {
    const outlets = hit.alsoInOutlets;
    const n = hit.alsoIn.length;
    const label = outlets > 0
      ? 'also in ' + outlets + (outlets === 1 ? ' other outlet' : ' other outlets')
      : 'also in ' + n + (n === 1 ? ' other article' : ' other articles');
    const span = el('span', 'also-in', label);
    span.title = hit.alsoIn.map((d) => (d.outlet || 'Unknown outlet') + ' · ' + d.id).join('\n');
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
