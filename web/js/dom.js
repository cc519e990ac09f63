// DOM and file helpers. Stored text is only ever set as text; the one markup kept from the server is <mark> in
// a hit's `passage`, rebuilt element by element (never innerHTML).

export const $ = (id) => document.getElementById(id);

export function el(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (typeof content === 'string') node.textContent = content;
  else if (content instanceof Node) node.append(content);
  return node;
}

/** An SVG element with attributes. */
export function svg(tag, attrs = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * Appends a server passage (HTML-escaped text with <mark> around matches) to `target`. The string is parsed
 * into an inert document; only text nodes and <mark> elements are copied over, as text.
 */
export function appendPassage(target, passage) {
  const doc = new DOMParser().parseFromString('<!doctype html><body>' + (passage || ''), 'text/html');
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') target.append(el('mark', null, node.textContent));
    else target.append(document.createTextNode(node.textContent));
  }
}

export function plainText(passage) {
  return new DOMParser().parseFromString('<!doctype html><body>' + (passage || ''), 'text/html').body.textContent;
}

/** CSV text of `rows` (objects) with the given columns; cells a spreadsheet would run as formulas stay text. */
export function toCsv(columns, rows) {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function csvCell(v) {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], {type}));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

export function cssToken(text) {
  return String(text).replace(/[^A-Za-z0-9_-]/g, '');
}

export function isEditable(node) {
  return node && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.nodeName));
}
