// Article page: enhances the server-rendered article. The paragraph named by #p-N is scrolled to the middle
// of the view and marked (CSS :target does the marking; .current keeps it when the hash is cleared), its
// entities show, and every paragraph gets a "copy link" button. Works on the server's markup alone; this only adds.
'use strict';
(() => {
  function targetParagraph() {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = /^p-\d+$/.test(id) ? document.getElementById(id) : null;
    return el && el.classList.contains('para') ? el : null;
  }

  function focusTarget() {
    document.querySelectorAll('.para.current').forEach((p) => p.classList.remove('current'));
    const para = targetParagraph();
    if (!para) return;
    para.classList.add('current');
    para.scrollIntoView({block: 'center'});
  }

  // the durable link (article + text fingerprint) survives re-indexing; #p-N is the fallback
  function paragraphLink(para) {
    return para.dataset.permalink ? location.origin + para.dataset.permalink : location.origin + location.pathname + '#' + para.id;
  }

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (e) { /* permission refused: fall back below */ }
    }
    const box = document.createElement('textarea');
    box.value = text;
    box.setAttribute('readonly', '');
    box.className = 'offscreen';
    document.body.append(box);
    box.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    box.remove();
    return ok;
  }

  let toastTimer = 0;
  function toast(message) {
    let t = document.querySelector('.toast');
    if (!t) {
      t = document.createElement('div');
      t.className = 'toast';
      t.setAttribute('role', 'status');
      document.body.append(t);
    }
    t.textContent = message;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { t.hidden = true; }, 2500);
  }

  function addCopyButtons() {
    for (const para of document.querySelectorAll('.para[id^="p-"]')) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'copy small';
      b.textContent = 'Copy link';
      b.title = 'Copy a link to this paragraph';
      b.dataset.link = paragraphLink(para);
      b.addEventListener('click', async () => {
        const link = paragraphLink(para);
        const ok = await copyText(link);
        toast(ok ? 'Link to ¶ ' + para.id.slice(2) + ' copied' : 'Copy this link: ' + link);
      });
      para.append(b);
    }
  }

  /** A way back to the search that led here, and a small search box. */
  function addHeader() {
    const header = document.querySelector('header.top');
    if (!header) return;
    let last = null;
    try { last = sessionStorage.getItem('passages.lastSearch'); } catch (e) { last = null; }
    const main = document.querySelector('main.article');
    if (last && last.startsWith('/?') && main) {
      const back = document.createElement('a');
      back.className = 'back';
      back.href = last;
      const q = new URLSearchParams(last.slice(1)).get('q');
      back.textContent = q ? '← Results for “' + q + '”' : '← Back to results';
      main.prepend(back);
    }
    const form = document.createElement('form');
    form.className = 'article-search';
    form.action = '/';
    form.method = 'get';
    form.setAttribute('role', 'search');
    const input = document.createElement('input');
    input.type = 'search';
    input.name = 'q';
    input.placeholder = 'Search paragraphs';
    input.setAttribute('aria-label', 'Search paragraphs');
    const go = document.createElement('button');
    go.type = 'submit';
    go.className = 'small';
    go.textContent = 'Search';
    form.append(input, go);
    header.classList.add('with-search');
    header.append(form);
    document.addEventListener('keydown', (e) => {
      if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(e.target.nodeName) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.focus();
      }
    });
  }

  /** The server lists every mention; show each entity once per paragraph. */
  function dedupeEntities() {
    for (const list of document.querySelectorAll('.para .entities')) {
      const seen = new Set();
      for (const a of list.querySelectorAll('a.entity')) {
        const key = a.getAttribute('href');
        if (seen.has(key)) a.remove();
        else seen.add(key);
      }
    }
  }

  function init() {
    dedupeEntities();
    addHeader();
    addCopyButtons();
    focusTarget();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
  window.addEventListener('hashchange', focusTarget);
})();
