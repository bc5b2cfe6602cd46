// The outlets page: /outlets?offset=…: each outlet, its articles and the
// boilerplate lines learned from them.
import {api, ApiError} from './api.js';
import {h, message, pager, paths, formatCount, queryTerm} from './dom.js';

export async function render(url, ctx) {
  const offset = Math.max(0, parseInt(url.searchParams.get('offset') || '0', 10) || 0);
  ctx.setTitle('Outlets');
  const heading = h('h1', {tabindex: '-1'}, 'Outlets');
  let result;
  try {
    result = await api.outlets(offset, {signal: ctx.signal});
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return [heading, message('error', 'The outlets could not be loaded.', err.message)];
  }
  const items = Array.isArray(result.items) ? result.items : [];
  if (items.length === 0) {
    return [heading, message('empty', offset ? 'No more outlets.' : 'The archive has no article yet.')];
  }
  const rows = items.map((o) => {
    const lines = Array.isArray(o.boilerplate) ? o.boilerplate : [];
    const list = h('ul', {class: 'boilerplate-lines'}, lines.map((line) => h('li', {}, line)));
    return h('tr', {},
      h('th', {scope: 'row'}, o.name ? h('a', {href: paths.search(queryTerm('outlet', o.name))}, o.name) : h('span', {class: 'muted'}, '(unknown)')),
      h('td', {class: 'num'}, formatCount(o.articles)),
      h('td', {}, lines.length === 0 ? h('span', {class: 'muted'}, 'none learned')
        : lines.length <= 3 ? list
          : h('details', {}, h('summary', {}, `${formatCount(lines.length)} lines`), list)));
  });
  return [heading,
    h('p', {class: 'muted'}, 'Boilerplate lines are learned per outlet from lines that recur across its articles; they are kept in the text but not analysed.'),
    h('table', {class: 'outlets-table'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Outlet'), h('th', {scope: 'col', class: 'num'}, 'Articles'), h('th', {scope: 'col'}, 'Boilerplate'))),
      h('tbody', {}, rows)),
    pager({offset: result.offset ?? offset, limit: result.limit || 50, next_offset: result.next_offset ?? null,
      total: result.total, count: items.length}, (o) => paths.outlets(o), 'outlets')];
}
