// The dashboard's shell: the top bar, the router (real paths in the history,
// so every state is a shareable URL), link interception and the "/" key.
import {h, message, loading, paths} from './dom.js';
import * as search from './search.js';
import * as article from './article.js';
import * as entity from './entity.js';
import * as quotes from './quotes.js';
import * as outlets from './outlets.js';

const routes = [
  {pattern: /^\/(?:search)?$/, page: search, nav: 'search'},
  {pattern: /^\/article\/([^/]+)$/, page: article, nav: null},
  {pattern: /^\/entity\/([^/]+)$/, page: entity, nav: null},
  {pattern: /^\/quotes$/, page: quotes, nav: 'quotes'},
  {pattern: /^\/outlets$/, page: outlets, nav: 'outlets'},
];

const main = document.getElementById('main');
const searchBox = document.getElementById('q');
const searchForm = document.getElementById('search-form');
let current = null;  // the AbortController of the page being shown

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

async function show({focus = false} = {}) {
  if (current) current.abort();
  const controller = new AbortController();
  current = controller;
  const url = new URL(window.location.href);
  const route = routes.find((r) => r.pattern.test(url.pathname));
  for (const link of document.querySelectorAll('#nav a')) {
    if (route && link.dataset.nav === route.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  searchBox.value = route && route.page === search ? url.searchParams.get('q') || '' : '';
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(loading());
  const ctx = {
    signal: controller.signal,
    setTitle: (title) => { document.title = title ? `${title} · veille` : 'veille'; },
    param: null,
  };
  let content;
  if (!route) {
    ctx.setTitle('Not found');
    content = [h('h1', {tabindex: '-1'}, 'Page not found'),
      message('empty', 'There is no page at this address.', 'Use the search box, or the links at the top.')];
  } else {
    const m = route.pattern.exec(url.pathname);
    ctx.param = m[1] !== undefined ? decodeSegment(m[1]) : null;
    try {
      content = await route.page.render(url, ctx);
    } catch (err) {
      if (controller.signal.aborted) return;
      console.error(err);
      ctx.setTitle('Error');
      content = [h('h1', {tabindex: '-1'}, 'Something went wrong'),
        message('error', 'The page could not be shown.', String(err && err.message || err))];
    }
  }
  if (controller.signal.aborted) return;
  main.replaceChildren(...[content].flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
  main.removeAttribute('aria-busy');
  if (focus) {
    const heading = main.querySelector('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({preventScroll: true});
    }
  }
}

export function navigate(path, {replace = false} = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.scrollTo(0, 0);
  show({focus: true});
}

// Links to the dashboard's own pages change the history, not the document.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link || (link.getAttribute('target') || '') !== '' || link.hasAttribute('download')) return;
  const href = link.getAttribute('href') || '';
  if (href.startsWith('#')) {
    // A place in the page (a quotation, the content): no history entry, which
    // would re-render the page and lose the place.
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    if (!target.matches('a, button, input, [tabindex]')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({block: 'center'});
    target.focus({preventScroll: true});
    return;
  }
  if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/assets/')) return;
  event.preventDefault();
  navigate(href);
});

// Forms of the dashboard (they also work without script: GET to the page).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.route) return;
  event.preventDefault();
  const data = new FormData(form);
  if (form.dataset.route === 'search') {
    navigate(paths.search(String(data.get('q') || '').trim()));
  } else if (form.dataset.route === 'quotes') {
    navigate(paths.quotes(String(data.get('speaker') || '').trim(), String(data.get('q') || '').trim()));
  }
});

// "/" focuses the search box, unless the user is typing somewhere.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const t = event.target;
  if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  event.preventDefault();
  searchBox.focus();
  searchBox.select();
});

window.addEventListener('popstate', () => show());
searchForm.dataset.route = 'search';
show();
