// The article page: /article/<id>. The text block by block, each entity,
// quotation and date marked where it stands, and a side panel of them all.
import {api, ApiError} from './api.js';
import {h, message, paths, externalLink, formatDate, publishedValue, queryTerm, plural, typeBadge} from './dom.js';

const TYPES = new Set(['PER', 'LOC', 'ORG', 'MISC']);
const entityType = (e) => (e && TYPES.has(String(e.type).toUpperCase()) ? String(e.type).toUpperCase() : 'MISC');
const entityName = (e) => (e && (e.name || e.text)) || '';
const speakerName = (q) => (q && q.speaker ? q.speaker.name || q.speaker.text || '' : '');

function entityTip(e) {
  const lines = [`${entityName(e)} (${entityType(e)}${e.entity ? `, ${e.entity}` : ''})`];
  if (e.text && e.text !== e.name) lines.push(`written “${e.text}”`);
  if (e.why) lines.push(`linked: ${e.why}`);
  return lines.join('\n');
}

function timeTip(t) {
  const bits = [t.type, t.granularity, t.mod ? `mod ${t.mod}` : null, t.anchor ? `anchored on ${t.anchor}` : null].filter(Boolean);
  return `${t.value ?? '?'}${bits.length ? ` (${bits.join(', ')})` : ''}`;
}

function quoteTip(q) {
  const who = speakerName(q) || 'unknown speaker';
  const bits = [q.kind, q.cue && q.cue.verb ? `verb ${q.cue.verb}` : null,
    q.channel && q.channel.text ? q.channel.text : null,
    typeof q.confidence === 'number' ? `confidence ${q.confidence}` : null].filter(Boolean);
  return `Quote by ${who}${bits.length ? ` (${bits.join(', ')})` : ''}${q.why ? `\nspeaker: ${q.why}` : ''}`;
}

function renderPart(part, article, seenQuotes) {
  let node = document.createTextNode(part.text ?? '');
  const nodes = [];
  const e = Number.isInteger(part.entity) ? article.entities[part.entity] : undefined;
  const t = Number.isInteger(part.time) ? article.times[part.time] : undefined;
  const q = Number.isInteger(part.quote) ? article.quotes[part.quote] : undefined;
  if (e) {
    const tip = entityTip(e);
    node = h('a', {href: paths.entity(entityName(e)), class: `ent ent-${entityType(e)}`, title: tip,
      'data-tip': tip, 'data-entity': e.entity || null, 'data-entity-index': part.entity}, node);
  }
  if (t) {
    const tip = timeTip(t);
    node = h('span', {class: 'time', title: tip, 'data-value': t.value ?? null, 'data-time-index': part.time}, node);
    if (!e) {
      node.setAttribute('tabindex', '0');
      node.setAttribute('data-tip', tip);
    }
  }
  if (q) {
    node = h('span', {class: 'quote', title: quoteTip(q), 'data-quote-index': part.quote}, node);
    if (!seenQuotes.has(part.quote)) {
      seenQuotes.add(part.quote);
      const who = speakerName(q);
      nodes.push(who
        ? h('a', {href: paths.quotes(who), class: 'quote-speaker', id: `quote-${part.quote}`,
          title: `Quotes of ${who}`}, who)
        : h('span', {class: 'quote-speaker quote-speaker-unknown', id: `quote-${part.quote}`}, 'unattributed'));
    }
  }
  nodes.push(node);
  return nodes;
}

function renderBlock(block, article, seenQuotes) {
  const kind = ['title', 'heading', 'paragraph', 'boilerplate'].includes(block.kind) ? block.kind : 'paragraph';
  const tag = kind === 'title' ? 'h2' : kind === 'heading' ? 'h3' : 'p';
  const parts = Array.isArray(block.parts) ? block.parts : (block.text ? [{text: block.text}] : []);
  const el = h(tag, {class: `block block-${kind}`, title: kind === 'boilerplate' ? 'boilerplate (not analysed)' : null});
  if (parts.some((p) => Number.isInteger(p.quote))) el.classList.add('has-quote');
  for (const part of parts) el.append(...renderPart(part, article, seenQuotes));
  return el;
}

function entitiesPanel(entities) {
  const groups = new Map();
  for (const e of entities) {
    const key = e.entity || `name:${entityName(e)}`;
    if (!groups.has(key)) groups.set(key, {e, count: 0, spellings: new Set()});
    const g = groups.get(key);
    g.count++;
    if (e.text) g.spellings.add(e.text);
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || entityName(a.e).localeCompare(entityName(b.e)));
  const list = h('ul', {class: 'panel-list entity-list'});
  for (const {e, count, spellings} of sorted) {
    const others = [...spellings].filter((sp) => sp !== entityName(e));
    list.append(h('li', {class: 'entity-item'},
      typeBadge(entityType(e)), ' ',
      h('a', {href: paths.entity(entityName(e)), class: `ent-link ent-${entityType(e)}`, title: entityTip(e)}, entityName(e)),
      h('span', {class: 'count'}, ` ×${count}`),
      others.length ? h('span', {class: 'spellings muted'}, ` (${others.join(', ')})`) : null));
  }
  return h('section', {class: 'panel'}, h('h2', {}, `Entities (${groups.size})`),
    groups.size ? list : h('p', {class: 'muted'}, 'No names found.'));
}

function quotesPanel(quotes) {
  const list = h('ol', {class: 'panel-list quote-list'});
  quotes.forEach((q, i) => {
    const who = speakerName(q);
    list.append(h('li', {class: 'quote-item'},
      who ? h('a', {href: paths.quotes(who), class: 'speaker'}, who) : h('span', {class: 'speaker muted'}, 'unattributed'),
      ' → ',
      h('a', {href: `#quote-${i}`, class: 'quote-text'}, `« ${q.text ?? ''} »`),
      q.kind && q.kind !== 'direct' ? h('span', {class: 'badge'}, q.kind) : null,
      q.channel && q.channel.text ? h('span', {class: 'muted'}, ` ${q.channel.text}`) : null));
  });
  return h('section', {class: 'panel'}, h('h2', {}, `Quotes (${quotes.length})`),
    quotes.length ? list : h('p', {class: 'muted'}, 'No quotations found.'));
}

function timesPanel(times) {
  const list = h('ul', {class: 'panel-list time-list'});
  for (const t of times) {
    list.append(h('li', {title: timeTip(t)}, h('span', {class: 'time-text'}, t.text ?? ''), ' → ',
      h('code', {class: 'time-value'}, t.value ?? '?')));
  }
  return h('section', {class: 'panel'}, h('h2', {}, `Dates (${times.length})`),
    times.length ? list : h('p', {class: 'muted'}, 'No dates found.'));
}

export async function render(url, ctx) {
  const id = ctx.param;
  let article;
  try {
    if (!id) throw new ApiError(404, 'not_found', 'This address names no article.');
    article = await api.article(id, {signal: ctx.signal});
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    ctx.setTitle('Article not found');
    if (err.status === 404) {
      return [h('h1', {tabindex: '-1'}, 'Article not found'), message('empty', 'No article has this id.', err.message)];
    }
    return [h('h1', {tabindex: '-1'}, 'Article'), message('error', 'The article could not be loaded.', err.message)];
  }
  for (const key of ['entities', 'quotes', 'times', 'blocks', 'errors']) {
    if (!Array.isArray(article[key])) article[key] = [];
  }
  const title = article.title && String(article.title).trim() ? String(article.title) : '(untitled)';
  ctx.setTitle(title);
  const published = article.published;
  const date = publishedValue(published);
  const meta = h('dl', {class: 'article-meta'},
    h('dt', {}, 'Outlet'), h('dd', {}, article.outlet
      ? h('a', {href: paths.search(queryTerm('outlet', article.outlet)), class: 'article-outlet'}, article.outlet)
      : h('span', {class: 'muted'}, 'unknown')),
    h('dt', {}, 'Published'), h('dd', {class: 'article-date'}, formatDate(date),
      published && published.estimated ? h('span', {class: 'badge'}, 'estimated') : null,
      published && published.evidence ? h('span', {class: 'muted evidence'}, ` (from ${published.evidence})`) : null),
    article.language ? [h('dt', {}, 'Language'), h('dd', {}, typeof article.language === 'object' ? article.language.code : article.language)] : null,
    h('dt', {}, 'URL'), h('dd', {class: 'article-url'}, article.url ? externalLink(article.url) : h('span', {class: 'muted'}, 'none')),
    article.previous_id ? [h('dt', {}, 'Version'), h('dd', {}, `${article.version ?? ''} `,
      h('a', {href: paths.article(article.previous_id)}, 'previous version'))] : null,
    h('dt', {}, 'Id'), h('dd', {}, h('code', {}, article.id ?? id)));

  const seenQuotes = new Set();
  const text = h('div', {class: 'article-text', lang: typeof article.language === 'string' ? article.language : null},
    article.blocks.length ? article.blocks.map((b) => renderBlock(b, article, seenQuotes))
      : message('empty', 'This article has no text.'));
  const legend = h('p', {class: 'legend muted'}, 'Marked: ',
    ['PER', 'LOC', 'ORG', 'MISC'].map((t) => [h('span', {class: `ent ent-${t} legend-item`}, t), ' ']),
    h('span', {class: 'quote legend-item'}, 'quotation'), ' ', h('span', {class: 'time legend-item'}, 'date'),
    ' ', h('span', {class: 'block-boilerplate legend-item'}, 'boilerplate'));
  const errors = article.errors.length
    ? message('error', 'The analysis reported problems.', article.errors.map((e) => (typeof e === 'object' ? `${e.code ?? ''} ${e.message ?? ''}`.trim() : String(e))).join('; '))
    : null;

  return [h('h1', {tabindex: '-1', class: 'article-title'}, title), meta, errors,
    h('div', {class: 'with-aside'},
      h('article', {class: 'article-body', 'aria-label': 'Text'}, legend, text),
      h('aside', {class: 'article-panels', 'aria-label': 'What the article says'},
        entitiesPanel(article.entities), quotesPanel(article.quotes), timesPanel(article.times)))];
}
