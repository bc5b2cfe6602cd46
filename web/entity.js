// The entity page: /entity/<name>?offset=…: one identity across its
// spellings, its timeline, outlets, recent articles, quotes and company.
import {api, ApiError} from './api.js';
import {h, message, pager, paths, formatCount, formatDate, plural, queryTerm, typeBadge} from './dom.js';
import {barChart, monthSeries} from './chart.js';

function section(title, cls, ...content) {
  return h('section', {class: `panel ${cls}`}, h('h2', {}, title), ...content);
}

function articleLink(a) {
  const title = a && a.title && String(a.title).trim() ? a.title : '(untitled)';
  return a && a.id ? h('a', {href: paths.article(a.id)}, title) : h('span', {}, title);
}

export async function render(url, ctx) {
  const name = ctx.param;
  const offset = Math.max(0, parseInt(url.searchParams.get('offset') || '0', 10) || 0);
  let e;
  try {
    if (!name) throw new ApiError(404, 'not_found', 'This address names no entity.');
    e = await api.entity(name, offset, {signal: ctx.signal});
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    ctx.setTitle(name || 'Entity');
    const heading = h('h1', {tabindex: '-1'}, name || 'Entity');
    if (err.status === 404) {
      return [heading, message('empty', 'No article in the archive names this.', err.message),
        h('p', {}, h('a', {href: paths.search(name || '')}, 'Search the words instead'))];
    }
    return [heading, message('error', 'The entity could not be loaded.', err.message)];
  }
  const displayName = e.name || name;
  ctx.setTitle(displayName);
  const spellings = Array.isArray(e.spellings) ? e.spellings : [];
  const months = Array.isArray(e.months) ? e.months : [];
  const outlets = Array.isArray(e.outlets) ? e.outlets : [];
  const recent = e.recent && !Array.isArray(e.recent) ? e.recent : {items: Array.isArray(e.recent) ? e.recent : []};
  const recentItems = Array.isArray(recent.items) ? recent.items : [];
  const quotes = e.quotes && Array.isArray(e.quotes.items) ? e.quotes : {items: Array.isArray(e.quotes) ? e.quotes : []};
  const company = Array.isArray(e.co_occurring) ? e.co_occurring : [];
  const entityQuery = queryTerm('entity', displayName);

  const header = [
    h('h1', {tabindex: '-1', class: 'entity-name'}, displayName, ' ', typeBadge(e.type)),
    h('p', {class: 'entity-summary'},
      e.entity ? h('code', {class: 'entity-id'}, e.entity) : null, ' · ',
      typeof e.articles === 'number' ? `${e.articles_exact === false ? 'at least ' : ''}${plural(e.articles, 'article')}` : null,
      typeof e.mentions === 'number' ? ` · ${plural(e.mentions, 'mention')}` : null, ' · ',
      h('a', {href: paths.search(entityQuery)}, 'search its articles'), ' · ',
      h('a', {href: paths.quotes(displayName), class: 'entity-quotes-link'}, 'its quotes')),
  ];

  const spellingList = h('ul', {class: 'panel-list spellings'});
  for (const sp of spellings) {
    spellingList.append(h('li', {}, h('span', {class: 'spelling-text'}, sp.text ?? ''),
      h('span', {class: 'count'}, ` ${formatCount(sp.mentions)}`)));
  }

  const series = monthSeries(new Map(months.map((m) => [m.month, m.articles])));
  const timeline = series.length
    ? h('figure', {class: 'histogram timeline'}, barChart(series.map(({month, count}) => ({
      label: month, value: count, href: paths.search(`${entityQuery} from:${month} to:${month}`),
      title: `${month}: ${plural(count, 'article')}`,
    })), {label: `Articles naming ${displayName}, by month`}), h('figcaption', {}, 'Articles by month of publication'))
    : h('p', {class: 'muted'}, 'No dated article.');

  const outletList = h('ul', {class: 'panel-list outlets'});
  for (const o of outlets) {
    outletList.append(h('li', {}, h('a', {href: paths.search(`${entityQuery} ${queryTerm('outlet', o.outlet)}`)}, o.outlet || '(unknown)'),
      h('span', {class: 'count'}, ` ${formatCount(o.articles)}`)));
  }

  const recentList = h('ol', {class: 'panel-list recent', start: (recent.offset ?? offset) + 1});
  for (const a of recentItems) {
    recentList.append(h('li', {}, articleLink(a), h('span', {class: 'muted'}, ` · ${a.outlet || 'unknown outlet'} · ${formatDate(a.published)}`)));
  }
  const recentPager = pager({offset: recent.offset ?? offset, limit: recent.limit || 20, next_offset: recent.next_offset ?? null,
    total: recent.total, count: recentItems.length}, (o) => paths.entity(name, o), 'articles');

  const quoteList = h('ul', {class: 'panel-list entity-quotes'});
  for (const q of quotes.items) {
    const a = q.article || {};
    quoteList.append(h('li', {class: 'quote-item'},
      h('blockquote', {class: 'quote-text'}, `« ${q.text ?? ''} »`),
      h('p', {class: 'quote-source muted'},
        q.cue && q.cue.text ? `${q.cue.text} — ` : '',
        articleLink(a), ` · ${a.outlet || 'unknown outlet'} · ${formatDate(a.published)}`)));
  }

  const companyList = h('ul', {class: 'panel-list co-occurring'});
  for (const c of company) {
    companyList.append(h('li', {}, typeBadge(c.type), ' ',
      h('a', {href: paths.entity(c.name || c.entity || ''), class: `ent-link ent-${String(c.type || 'MISC').toUpperCase()}`}, c.name || c.entity || ''),
      h('span', {class: 'count'}, ` ${plural(c.articles, 'article')}`)));
  }

  return [...header,
    section('Timeline', 'panel-timeline', timeline),
    h('div', {class: 'with-aside entity-columns'},
      h('div', {class: 'entity-main'},
      section('Recent articles', 'panel-recent', recentItems.length ? [recentList, recentPager] : h('p', {class: 'muted'}, offset ? 'No more articles.' : 'None.')),
      section(`Quotes${typeof quotes.total === 'number' ? ` (${formatCount(quotes.total)})` : ''}`, 'panel-quotes',
        quotes.items.length ? [quoteList, h('p', {}, h('a', {href: paths.quotes(displayName)}, 'All quotes →'))] : h('p', {class: 'muted'}, 'No quotation attributed.'))),
      h('div', {class: 'entity-side'},
      section('Spellings', 'panel-spellings', spellings.length ? spellingList : h('p', {class: 'muted'}, 'None.')),
      section('Outlets', 'panel-outlets', outlets.length ? outletList : h('p', {class: 'muted'}, 'None.')),
      section('Named with', 'panel-company', company.length ? companyList : h('p', {class: 'muted'}, 'Nobody else yet.'))))];
}
