// The quotes page: /quotes?speaker=…&q=…&offset=…: what a speaker was quoted
// saying, optionally narrowed by a query on the articles.
import {api, ApiError} from './api.js';
import {h, message, pager, paths, externalLink, formatDate} from './dom.js';
import {errorPosition} from './search.js';

function form(speaker, q) {
  return h('form', {class: 'quotes-form', action: '/quotes', method: 'get', 'data-route': 'quotes', role: 'search'},
    h('label', {for: 'speaker'}, 'Speaker'),
    h('input', {id: 'speaker', name: 'speaker', type: 'text', value: speaker, placeholder: 'e.g. Loukachenko', autocomplete: 'off'}),
    h('label', {for: 'quotes-q'}, 'Query (optional)'),
    h('input', {id: 'quotes-q', name: 'q', type: 'text', value: q, placeholder: 'e.g. sanctions from:2022', autocomplete: 'off'}),
    h('button', {type: 'submit'}, 'Find quotes'));
}

function quoteItem(item) {
  const a = item.article || {};
  const speaker = item.speaker ? item.speaker.name || item.speaker.text || '' : '';
  const title = a.title && String(a.title).trim() ? a.title : '(untitled)';
  return h('li', {class: `quote-item quote-${item.kind || 'direct'}`},
    h('p', {class: 'quote-who'},
      speaker ? h('a', {href: paths.entity(speaker), class: 'speaker'}, speaker) : h('span', {class: 'speaker muted'}, 'unattributed'),
      item.speaker && item.speaker.text && item.speaker.text !== speaker ? h('span', {class: 'muted'}, ` (“${item.speaker.text}”)`) : null,
      item.kind ? h('span', {class: 'badge'}, item.kind) : null,
      item.unclosed ? h('span', {class: 'badge badge-warn', title: 'the quotation mark is never closed'}, 'unclosed') : null),
    h('blockquote', {class: 'quote-text'}, `« ${item.text ?? ''} »`),
    h('p', {class: 'quote-cue muted'},
      item.cue && item.cue.text ? h('span', {class: 'cue'}, item.cue.text) : null,
      item.cue && item.cue.verb ? h('span', {class: 'verb'}, ` (${item.cue.verb})`) : null,
      item.channel && item.channel.text ? h('span', {class: 'channel'}, ` · ${item.channel.text}`) : null),
    h('p', {class: 'quote-source'},
      a.id ? h('a', {href: paths.article(a.id), class: 'quote-article'}, title) : title,
      h('span', {class: 'muted'}, ` · ${a.outlet || 'unknown outlet'} · ${formatDate(a.published)}`),
      a.url ? [' · ', externalLink(a.url, 'original')] : null));
}

export async function render(url, ctx) {
  const speaker = (url.searchParams.get('speaker') || '').trim();
  const q = (url.searchParams.get('q') || '').trim();
  const offset = Math.max(0, parseInt(url.searchParams.get('offset') || '0', 10) || 0);
  const heading = h('h1', {tabindex: '-1'}, speaker ? `Quotes of ${speaker}` : 'Quotes');
  ctx.setTitle(speaker ? `Quotes of ${speaker}` : 'Quotes');
  const out = [heading, form(speaker, q)];
  if (!speaker && !q) {
    out.push(message('empty', 'Name a speaker, or give a query, to list quotations.'));
    return out;
  }
  let result;
  try {
    result = await api.quotes(speaker, q, offset, {signal: ctx.signal});
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    out.push(message('error', err.code === 'bad_query' ? 'This query cannot be read.' : 'The quotes could not be loaded.',
      errorPosition(err).at !== null ? `${errorPosition(err).text} (at character ${errorPosition(err).at + 1})` : err.message));
    return out;
  }
  const items = Array.isArray(result.items) ? result.items : [];
  if (items.length === 0) {
    out.push(message('empty', offset ? 'No more quotations.' : 'No quotation found.',
      speaker ? 'The archive has no quotation attributed to this speaker (in any spelling) for this query.' : null));
    return out;
  }
  out.push(h('ol', {class: 'quotes', start: (result.offset ?? offset) + 1}, items.map(quoteItem)),
    pager({offset: result.offset ?? offset, limit: result.limit || 20, next_offset: result.next_offset ?? null,
      total: result.total, count: items.length}, (o) => paths.quotes(speaker, q, o), 'quotes'));
  return out;
}
