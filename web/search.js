// The search page: /search?q=…&offset=… (and / with no query: the help).
import {api, ApiError} from './api.js';
import {h, message, pager, paths, formatCount, formatDate, plural, queryTerm} from './dom.js';
import {barChart, monthSeries} from './chart.js';

const SYNTAX = [
  ['manifestation', 'articles with a form of the word (manifester, manifestants…)'],
  ['Loukachenko Tokayev', 'both words, anywhere'],
  ['"état d\'urgence"', 'the phrase, word after word'],
  ['gaz OR pétrole', 'either word (OR in capitals)'],
  ['-police', 'without the word or phrase'],
  ['outlet:"Le Monde"', 'articles of that outlet'],
  ['lang:fr', 'articles in that language'],
  ['from:2022-01 to:2022-02-15', 'published in that range (YYYY, YYYY-MM or YYYY-MM-DD)'],
  ['entity:Lukashenko', 'articles naming that person, place or organisation, in any spelling'],
  ['speaker:Tokayev', 'articles quoting that speaker'],
  ['when:2022-01', 'articles talking about that month (dates in the text)'],
];

function syntaxHelp(open) {
  const list = h('dl', {class: 'syntax'});
  for (const [example, meaning] of SYNTAX) {
    list.append(h('dt', {}, h('a', {href: paths.search(example)}, h('code', {}, example))), h('dd', {}, meaning));
  }
  return h('details', {class: 'help', open: open || null}, h('summary', {}, 'Query syntax'), list);
}

// The parts of a snippet: [{text, match}], or the byte ranges of
// `highlights` in `text` (the command line's form).
export function snippetNodes(snippet) {
  if (!snippet) return [];
  if (Array.isArray(snippet.parts)) {
    return snippet.parts.map((p) => (p.match ? h('mark', {}, p.text ?? '') : document.createTextNode(p.text ?? '')));
  }
  const text = String(snippet.text ?? '');
  const ranges = Array.isArray(snippet.highlights) ? snippet.highlights : [];
  if (ranges.length === 0) return [document.createTextNode(text)];
  const bytes = new TextEncoder().encode(text);
  const decode = (a, b) => new TextDecoder().decode(bytes.subarray(a, b));
  const out = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (!(start >= at && end > start && end <= bytes.length)) continue;
    if (start > at) out.push(document.createTextNode(decode(at, start)));
    out.push(h('mark', {}, decode(start, end)));
    at = end;
  }
  if (at < bytes.length) out.push(document.createTextNode(decode(at, bytes.length)));
  return out;
}

const isMonth = (value) => /^\d{4}-\d{2}$/.test(String(value));

// The query with `term` added; a month replaces the query's date range.
function refine(q, term, {replaceDates = false} = {}) {
  let base = q;
  if (replaceDates) base = base.replace(/(^|\s)(from|to):\S+/g, ' ');
  base = base.replace(/\s+/g, ' ').trim();
  if (` ${base} `.includes(` ${term} `)) return base;
  return `${base} ${term}`.trim();
}

function facetList(title, values, makeQuery, cssClass) {
  if (!Array.isArray(values) || values.length === 0) return null;
  const list = h('ul', {class: `facet-values ${cssClass}`});
  for (const {value, count} of values) {
    list.append(h('li', {},
      h('a', {href: paths.search(makeQuery(value)), class: 'facet-value'},
        h('span', {class: 'facet-label'}, value === '' || value === null ? '(none)' : String(value)),
        h('span', {class: 'facet-count'}, formatCount(count)))));
  }
  return h('section', {class: 'facet'}, h('h2', {}, title), list);
}

// Where a refused query goes wrong, in characters from 0. The parser's
// message starts "at N: " (N from 1, in characters); without it, the error's
// position (from 0).
export function errorPosition(err) {
  const m = /^at (\d+): /.exec(err.message || '');
  if (m) return {at: Number(m[1]) - 1, text: err.message.slice(m[0].length)};
  return {at: typeof err.position === 'number' ? err.position : null, text: err.message};
}

function errorAtPosition(q, err) {
  const {at: position, text} = errorPosition(err);
  const box = message('error', 'This query cannot be read.', text);
  box.classList.add('query-error');
  if (position !== null) {
    const chars = Array.from(q);
    const at = Math.min(Math.max(0, position), chars.length);
    const shown = h('pre', {class: 'query-echo', 'aria-label': `position ${at + 1}`},
      chars.slice(0, at).join(''),
      h('mark', {class: 'query-error-at'}, at < chars.length ? chars[at] : ' '),
      chars.slice(at + 1).join(''));
    box.append(h('p', {class: 'message-detail'}, `At character ${at + 1}:`), shown);
  }
  return box;
}

function hitItem(hit) {
  const title = hit.title && String(hit.title).trim() ? hit.title : '(untitled)';
  return h('li', {class: 'hit'},
    h('h2', {class: 'hit-title'}, h('a', {href: paths.article(hit.id)}, title)),
    h('p', {class: 'hit-meta'},
      hit.outlet ? h('a', {href: paths.search(queryTerm('outlet', hit.outlet)), class: 'hit-outlet'}, hit.outlet) : h('span', {class: 'muted'}, 'unknown outlet'),
      ' · ', h('span', {class: 'hit-date'}, formatDate(hit.published)),
      hit.language ? [' · ', h('span', {class: 'hit-lang'}, hit.language)] : null),
    h('p', {class: 'snippet'}, snippetNodes(hit.snippet)));
}

async function home(ctx) {
  ctx.setTitle('Search');
  const content = [h('h1', {tabindex: '-1'}, 'Search the archive'),
    h('p', {class: 'lead'}, 'Type a query in the box at the top (press / to get there). Examples:'),
    syntaxHelp(true)];
  try {
    const health = await api.health({signal: ctx.signal});
    if (typeof health.articles === 'number') {
      content.push(h('p', {class: 'muted archive-size'}, `${plural(health.articles, 'article')} in the archive.`));
    }
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    content.push(message('error', 'The server does not answer.', err.message));
  }
  return content;
}

export async function render(url, ctx) {
  const q = (url.searchParams.get('q') || '').trim();
  const offset = Math.max(0, parseInt(url.searchParams.get('offset') || '0', 10) || 0);
  if (!q) return home(ctx);
  ctx.setTitle(q);
  const heading = h('h1', {tabindex: '-1', class: 'search-heading'}, 'Search: ', h('q', {}, q));
  let result;
  try {
    result = await api.search(q, offset, {signal: ctx.signal});
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.code === 'bad_query') return [heading, errorAtPosition(q, err), syntaxHelp(true)];
    return [heading, message('error', 'The search failed.', err.message)];
  }
  const hits = Array.isArray(result.hits) ? result.hits : [];
  const total = typeof result.total === 'number' ? result.total : hits.length;
  const totalText = result.total_exact === false
    ? `${formatCount(total)} or more articles`
    : plural(total, 'article');
  const summary = h('p', {class: 'total', role: 'status'}, totalText);

  if (hits.length === 0) {
    return [heading, summary, message('empty', offset > 0 ? 'No more results.' : 'No article matches this query.',
      'Try fewer words, or look at the syntax below.'), syntaxHelp(false)];
  }
  const facets = result.facets || {};
  const months = monthSeries(new Map((facets.months || []).map((f) => [f.value, f.count])));
  const chart = months.length
    ? h('figure', {class: 'histogram'},
      barChart(months.map(({month, count}) => ({
        label: month, value: count,
        href: paths.search(refine(q, `from:${month} to:${month}`, {replaceDates: true})),
        title: `${month}: ${plural(count, 'article')} published`,
      })), {label: 'Matching articles by month of publication'}),
      h('figcaption', {}, 'Matches by month of publication', result.total_exact === false ? ' (of the 1,000 most recent)' : ''))
    : null;

  const limit = result.limit || 20;
  const list = h('ol', {class: 'hits', start: (result.offset ?? offset) + 1}, hits.map(hitItem));
  const nav = pager({offset: result.offset ?? offset, limit, next_offset: result.next_offset,
    total: result.total_exact === false ? undefined : total, count: hits.length}, (o) => paths.search(q, o), 'results');

  const aside = h('aside', {class: 'facets', 'aria-label': 'Refine'},
    facetList('Outlets', facets.outlets, (v) => refine(q, queryTerm('outlet', v)), 'facet-outlets'),
    facetList('Languages', facets.languages, (v) => refine(q, queryTerm('lang', v)), 'facet-languages'),
    facetList('Published', (facets.months || []).filter((f) => isMonth(f.value)).sort((a, b) => String(b.value).localeCompare(String(a.value))),
      (v) => refine(q, `from:${v} to:${v}`, {replaceDates: true}), 'facet-months'),
    facetList('Talks about', (facets.months_talked_about || []).filter((f) => isMonth(f.value)).sort((a, b) => String(b.value).localeCompare(String(a.value))),
      (v) => refine(q, `when:${v}`), 'facet-when'));

  return [heading, h('div', {class: 'with-aside'},
    h('section', {class: 'results', 'aria-label': 'Results'}, summary, chart, list, nav),
    aside)];
}
