// Building the page from untrusted data. Every string that came from an
// article (title, text, outlet, URL, entity name, quote) reaches the DOM as a
// text node or as an attribute value set with setAttribute: never as markup.
// h() refuses event-handler and style attributes, so a caller cannot open a
// script or style path by mistake (the Content-Security-Policy forbids both).

const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttributes(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') {
      throw new Error(`refused attribute ${name}`);
    }
    if ((lower === 'href' || lower === 'src' || lower === 'xlink:href' || lower === 'action') &&
        !isSafeLink(String(value))) {
      continue;
    }
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// h('a', {href: '/x', class: 'y'}, 'text', otherNode…): an HTML element.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

// The same for SVG elements.
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

// A link the dashboard writes itself (a path on this site) or an http(s) URL.
function isSafeLink(value) {
  if (value.startsWith('/') && !value.startsWith('//')) return true;
  if (value.startsWith('#') || value.startsWith('?')) return true;
  return externalUrl(value) !== null;
}

// An article's URL as a link target, or null when its scheme is not http(s)
// (javascript:, data:, vbscript:… are shown as text, never followed).
export function externalUrl(value) {
  if (typeof value !== 'string' || value === '') return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

// A link to an article's own page: opened in a new tab, with no referrer.
export function externalLink(value, label) {
  const href = externalUrl(value);
  if (!href) return h('span', {class: 'url-unsafe', title: 'not an http(s) link'}, label ?? value ?? '');
  return h('a', {href, rel: 'noopener noreferrer', target: '_blank', class: 'external'}, label ?? value);
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
}

// Paths of the dashboard's own pages.
export const paths = {
  search: (q, offset) => withParams('/search', {q, offset: offset || null}),
  article: (id) => `/article/${encodeURIComponent(id)}`,
  entity: (name, offset) => withParams(`/entity/${encodeURIComponent(name)}`, {offset: offset || null}),
  quotes: (speaker, q, offset) => withParams('/quotes', {speaker: speaker || null, q: q || null, offset: offset || null}),
  outlets: (offset) => withParams('/outlets', {offset: offset || null}),
};

export function withParams(path, params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') search.set(k, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

// A value as one term of the query syntax: bare when it is one word, else a
// phrase (the syntax has no escape for a quote mark inside a phrase: dropped).
export function queryTerm(prefix, value) {
  const v = String(value);
  if (/^[\p{L}\p{N}._-]+$/u.test(v)) return `${prefix}:${v}`;
  return `${prefix}:"${v.replaceAll('"', ' ').trim()}"`;
}

const numberFormat = new Intl.NumberFormat('en');
export function formatCount(n) {
  return typeof n === 'number' ? numberFormat.format(n) : String(n ?? '');
}

export function plural(n, one, many) {
  return `${formatCount(n)} ${n === 1 ? one : (many || one + 's')}`;
}

// A publication date as the API gives it ("2022-01-05T09:00:00+01:00",
// "2022-01-05", "" or null): the day, and the time when there is one.
export function formatDate(value) {
  if (!value || typeof value !== 'string') return 'no date';
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value);
  if (!m) return value;
  return m[2] ? `${m[1]} ${m[2]}` : m[1];
}

// The published field of an article or a hit: a string, or {value, …}.
export function publishedValue(published) {
  if (published && typeof published === 'object') return published.value || '';
  return published || '';
}

// Messages shown in place of a page's content.
export function message(kind, title, detail) {
  return h('div', {class: `message message-${kind}`, role: kind === 'error' ? 'alert' : 'status'},
    h('p', {class: 'message-title'}, title),
    detail ? h('p', {class: 'message-detail'}, detail) : null);
}

export function loading() {
  return h('p', {class: 'loading', role: 'status'}, 'Loading…');
}

// Previous / next links of a paginated list. `make(offset)` gives the path.
export function pager({offset = 0, limit, next_offset: next, total, count}, make, label = 'results') {
  const nav = h('nav', {class: 'pager', 'aria-label': `pages of ${label}`});
  const first = count ? offset + 1 : 0;
  const last = offset + (count || 0);
  let range = count ? `${formatCount(first)}–${formatCount(last)}` : 'none';
  if (typeof total === 'number') range += ` of ${formatCount(total)}`;
  if (offset > 0) {
    nav.append(h('a', {href: make(Math.max(0, offset - (limit || 20))), class: 'pager-prev', rel: 'prev'}, '← Previous'));
  }
  nav.append(h('span', {class: 'pager-range'}, range));
  if (next !== null && next !== undefined) {
    nav.append(h('a', {href: make(next), class: 'pager-next', rel: 'next'}, 'Next →'));
  }
  return nav;
}

export function typeBadge(type) {
  const t = String(type || 'MISC').toUpperCase();
  return h('span', {class: `badge type-badge type-${/^(PER|LOC|ORG|MISC)$/.test(t) ? t : 'MISC'}`}, t);
}
