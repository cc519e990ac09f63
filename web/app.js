// Minimal search page: reads ?q=&outlet= from the URL, calls /api/search, renders hits safely.
'use strict';

/** Renders a server passage (escaped text + <mark>) into `el` as text nodes and <mark> elements only. */
function renderPassage(el, passage) {
  const doc = new DOMParser().parseFromString('<body>' + passage + '</body>', 'text/html');
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = node.textContent;
      el.appendChild(m);
    } else {
      el.appendChild(document.createTextNode(node.textContent));
    }
  }
}

async function run() {
  const params = new URLSearchParams(location.search);
  const q = params.get('q') || '';
  document.getElementById('q').value = q;
  const status = document.getElementById('status');
  const list = document.getElementById('results');
  list.replaceChildren();
  if (!q && !params.has('outlet') && !params.has('entity')) {
    status.textContent = 'Try: Trainium3 · "$38 billion" · Amazon AND Nvidia';
    return;
  }
  let res;
  try {
    res = await fetch('/api/search?' + params.toString());
  } catch (e) {
    status.textContent = 'The server is unreachable.';
    return;
  }
  const body = await res.json();
  if (!res.ok) {
    status.textContent = body.error;
    return;
  }
  status.textContent = body.total + (body.total === 1 ? ' paragraph' : ' paragraphs');
  for (const hit of body.hits) {
    const li = document.createElement('li');
    li.className = 'hit';
    const a = document.createElement('a');
    a.href = hit.link;
    a.className = 'title';
    a.textContent = hit.title;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = (hit.outlet || 'Unknown outlet') + ' · ¶' + hit.paragraph + (hit.section ? ' · ' + hit.section : '');
    const p = document.createElement('p');
    p.className = 'passage';
    renderPassage(p, hit.passage);
    li.append(a, meta, p);
    list.appendChild(li);
  }
}

document.addEventListener('DOMContentLoaded', run);
