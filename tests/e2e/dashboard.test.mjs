// The dashboard in a real browser: search, article, entity, quotes and
// outlets pages on an archive of a few articles, checked against what veille
// itself finds in them (`veille analyze`, `veille entity`, `veille quotes`).
//
// Run: node --test tests/e2e/   (from the repository root; ctest runs it as
// dashboard_e2e). Needs build/veille (or VEILLE_BINARY), /usr/bin/chromium and
// node_modules/playwright-core (scripts/install-deps installs both).
// E2E_ASSETS=web serves the dashboard from web/ instead of the binary's copy.
// Screenshots of every page go to build/e2e-artifacts/ (E2E_ARTIFACTS).
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {articles} from './fixture.mjs';
import {launchBrowser, newPage, screenshot, startServer} from './server.mjs';

describe('dashboard', {timeout: 100_000}, () => {
  let server;
  let browser;
  let page;
  let problems;
  let found;   // veille analyze's view of the first article
  let person;  // the person the first article names first
  let articlePath;

  before(async () => {
    server = await startServer(articles);
    browser = await launchBrowser();
    ({page, problems} = await newPage(browser));
    const analysis = await server.analyze();
    found = analysis.find((a) => a.source.id === 'v1');
    assert.ok(found, 'veille analyze gave no record for the first article');
    person = found.entities.find((e) => e.type === 'PER');
    assert.ok(person, `veille finds no person in the first article: ${JSON.stringify(found.entities)}`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const path = () => new URL(page.url()).pathname;

  it('home page: the syntax help, and "/" focuses the search box', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', {level: 1, name: 'Search the archive'}).waitFor();
    await page.locator('.archive-size').getByText(`${articles.length} articles`).waitFor();
    await page.locator('body').click({position: {x: 5, y: 300}});
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'q');
    await screenshot(page, 'home');
  });

  it('search: results with highlighted snippets, total, facets and histogram', async () => {
    await page.keyboard.type('Minsk');
    await page.keyboard.press('Enter');
    await page.locator('.hit').first().waitFor();
    assert.equal(path(), '/search');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'Minsk');
    const hits = await page.locator('.hit').count();
    // Minsk is in the text of v1, v2 and v3 (and in one title).
    assert.ok(hits >= 3, `expected at least 3 hits, got ${hits}`);
    const marks = await page.locator('.snippet mark').allTextContents();
    assert.ok(marks.some((m) => /minsk/i.test(m)), `no highlighted Minsk in the snippets: ${marks}`);
    assert.match(await page.locator('.total').textContent(), new RegExp(`^${hits} articles?$`));
    const outletFacet = page.locator('.facet-outlets .facet-value', {hasText: 'Le Monde'});
    assert.equal(await outletFacet.locator('.facet-count').textContent(), '2');
    assert.equal(await page.locator('.facet-languages .facet-value', {hasText: 'fr'}).locator('.facet-count').textContent(), String(hits));
    assert.ok(await page.locator('.histogram svg rect.chart-bar').count() >= 2, 'no month bars in the histogram');
    await screenshot(page, 'search');
  });

  it('search: a facet narrows the query', async () => {
    await page.locator('.facet-outlets .facet-value', {hasText: 'Le Monde'}).click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'Minsk outlet:"Le Monde"');
    await page.locator('.total', {hasText: '2 articles'}).waitFor();
    const outlets = await page.locator('.hit-outlet').allTextContents();
    assert.deepEqual([...new Set(outlets)], ['Le Monde']);
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('q') === 'Minsk');
    await page.locator('.hit', {hasText: 'Référendum en Biélorussie'}).waitFor();
  });

  it('article: entities, quotes and dates marked in the text, with the side panel', async () => {
    await page.locator('.hit-title a', {hasText: 'Visite à Minsk'}).click();
    await page.waitForURL(/\/article\/[0-9a-f]+$/);
    articlePath = path();
    await page.locator('h1.article-title', {hasText: 'Visite à Minsk'}).waitFor();
    assert.equal(await page.locator('.article-meta .article-outlet').textContent(), 'Le Monde');
    const urlLink = page.locator('.article-url a');
    assert.equal(await urlLink.getAttribute('href'), articles[0].url);
    assert.equal(await urlLink.getAttribute('rel'), 'noopener noreferrer');

    // Every entity veille finds is a link of its type's class.
    const perLinks = page.locator('.article-text a.ent.ent-PER');
    assert.ok(await perLinks.count() >= 1, 'no person marked in the text');
    for (const type of new Set(found.entities.map((e) => e.type))) {
      assert.ok(await page.locator(`.article-text .ent.ent-${type}`).count() >= 1, `no ${type} marked`);
    }
    const first = perLinks.first();
    assert.equal(await first.textContent(), person.text);
    const tip = await first.getAttribute('title');
    assert.ok(tip.includes(person.name), `hover title "${tip}" lacks the identity ${person.name}`);
    if (person.entity) assert.ok(tip.includes(person.entity), `hover title "${tip}" lacks ${person.entity}`);
    assert.equal(decodeURIComponent(new URL(await first.getAttribute('href'), server.url).pathname),
      `/entity/${person.name}`);

    // Quotations, with their speaker at the start.
    for (const quote of found.quotes) {
      const marked = await page.locator('.article-text .quote').allTextContents();
      assert.ok(marked.join('').includes(quote.text), `quote "${quote.text}" not marked: ${marked}`);
      if (quote.speaker) {
        await page.locator('.article-text .quote-speaker', {hasText: quote.speaker.name}).first().waitFor();
        await page.locator('.quote-list .speaker', {hasText: quote.speaker.name}).first().waitFor();
      }
    }
    assert.ok(found.quotes.length >= 1, 'veille finds no quotation in the first article');
    // Dates, with their value on hover and in the panel.
    assert.ok(found.times.length >= 1, 'veille finds no date in the first article');
    for (const time of found.times) {
      const el = page.locator(`.article-text .time[data-value="${time.value}"]`).first();
      assert.ok((await el.getAttribute('title')).startsWith(time.value));
      await page.locator('.time-list li', {hasText: time.value}).first().waitFor();
    }
    // The panel groups the identities: one line for the person, whatever the spellings.
    const ids = new Set(found.entities.map((e) => e.entity || e.name));
    assert.equal(await page.locator('.entity-list li').count(), ids.size);
    // A quotation in the panel leads to its place in the text, without a new page.
    const before = page.url();
    await page.locator('.quote-list .quote-text').first().click();
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('quote-speaker')), true);
    assert.equal(page.url(), before);
    // A focused entity shows its tooltip to keyboard users too.
    await first.focus();
    assert.equal(await first.getAttribute('data-tip'), tip);
    await screenshot(page, 'article');
  });

  it('entity: spellings with counts, timeline, outlets, articles and quotes', async () => {
    await page.locator('.article-text a.ent.ent-PER').first().click();
    await page.waitForURL(/\/entity\//);
    const [expected] = await server.cli(['entity', person.name, '--json']);
    await page.locator('h1.entity-name', {hasText: expected.name}).waitFor();
    const spellings = await page.locator('.panel-spellings li').evaluateAll((lis) =>
      lis.map((li) => [li.querySelector('.spelling-text').textContent, li.querySelector('.count').textContent.trim()]));
    assert.deepEqual(new Map(spellings), new Map(expected.spellings.map((s) => [s.text, String(s.mentions)])));
    assert.ok(expected.spellings.length >= 3, `veille merges fewer spellings than written: ${JSON.stringify(expected.spellings)}`);
    const bars = await page.locator('.panel-timeline svg rect.chart-bar').evaluateAll((rects) =>
      rects.map((r) => [r.dataset.label, Number(r.dataset.value)]).filter(([, v]) => v > 0));
    assert.deepEqual(bars, expected.months.map((m) => [m.month, m.articles]));
    for (const o of expected.outlets) {
      await page.locator('.panel-outlets li', {hasText: `${o.outlet} ${o.articles}`}).waitFor();
    }
    assert.equal(await page.locator('.panel-recent li').count(), expected.articles);
    const quotes = await server.cli(['quotes', '--speaker', person.name, '--json']);
    assert.ok(quotes.length >= 2, `veille finds too few quotes of ${person.name}`);
    const shown = (await page.locator('.panel-quotes .quote-text').allTextContents()).join('\n');
    for (const q of quotes) assert.ok(shown.includes(q.text), `entity page lacks the quote "${q.text}"`);
    await screenshot(page, 'entity');
  });

  it('quotes: the person\'s quotations, with their articles', async () => {
    await page.locator('a.entity-quotes-link').click();
    await page.waitForURL((u) => u.pathname === '/quotes' && u.searchParams.has('speaker'));
    await page.locator('.quotes .quote-item').first().waitFor();
    const speaker = new URL(page.url()).searchParams.get('speaker');
    const expected = await server.cli(['quotes', '--speaker', speaker, '--json']);
    const items = page.locator('.quotes .quote-item');
    assert.equal(await items.count(), expected.length);
    const texts = await items.locator('.quote-text').allTextContents();
    for (const q of expected) {
      assert.ok(texts.includes(`« ${q.text} »`), `quote "${q.text}" missing: ${texts}`);
      await page.locator('.quote-article', {hasText: q.article.title}).first().waitFor();
    }
    assert.equal(await page.locator('#speaker').inputValue(), speaker);
    await screenshot(page, 'quotes');
  });

  it('back and forward go through the history', async () => {
    await page.goBack();
    await page.waitForURL(/\/entity\//);
    await page.locator('h1.entity-name').waitFor();
    await page.goBack();
    await page.waitForURL((u) => u.pathname === articlePath);
    await page.locator('h1.article-title', {hasText: 'Visite à Minsk'}).waitFor();
    await page.goForward();
    await page.locator('h1.entity-name').waitFor();
  });

  it('a malformed query shows the error and where it is', async () => {
    await page.locator('#q').fill('Minsk "unclosed');
    await page.locator('#q').press('Enter');
    const error = page.locator('.query-error');
    await error.waitFor();
    assert.match(await error.textContent(), /quote/i);
    assert.equal(await page.locator('.query-error-at').textContent(), '"');
    assert.equal(await page.locator('.hit').count(), 0);
    await screenshot(page, 'search-error');
  });

  it('deep URLs load on their own; unknown ones say so', async () => {
    await page.goto(`${server.url}${articlePath}`);
    await page.locator('h1.article-title', {hasText: 'Visite à Minsk'}).waitFor();
    await page.reload();
    await page.locator('.article-text a.ent.ent-PER').first().waitFor();
    await page.goto(`${server.url}/entity/${encodeURIComponent(person.name)}`);
    await page.locator('.panel-spellings li').first().waitFor();
    // A later page of results, with its way back to the first.
    await page.goto(`${server.url}/search?q=${encodeURIComponent('Loukachenko OR Macron')}&offset=2`);
    await page.locator('.hit').first().waitFor();
    const total = await page.locator('.total').textContent();
    const count = Number(/^(\d+) article/.exec(total)[1]);
    assert.ok(count > 2, `expected more than 2 hits: ${total}`);
    assert.equal(await page.locator('.pager-range').first().textContent(), `3–${count} of ${count}`);
    await page.locator('.pager-prev').click();
    await page.waitForURL((u) => u.pathname === '/search' && !u.searchParams.has('offset'));
    await page.locator('.pager-range', {hasText: `1–${count} of ${count}`}).waitFor();
    await page.goto(`${server.url}/article/00000000000000000000000000000000`);
    await page.getByRole('heading', {level: 1, name: 'Article not found'}).waitFor();
    await page.goto(`${server.url}/entity/${encodeURIComponent('Personne Inconnue')}`);
    await page.locator('.message', {hasText: 'No article in the archive names this'}).waitFor();
    await page.goto(`${server.url}/search?q=xylophone`);
    await page.locator('.message', {hasText: 'No article matches'}).waitFor();
  });

  it('outlets: every outlet with its article count', async () => {
    await page.goto(`${server.url}/outlets`);
    await page.locator('.outlets-table tbody tr').first().waitFor();
    const rows = await page.locator('.outlets-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td.num').textContent]));
    assert.deepEqual(new Map(rows), new Map([['Le Monde', '2'], ['Libération', '1'], ['Le Figaro', '2']]));
    await page.locator('#nav a[aria-current="page"]', {hasText: 'Outlets'}).waitFor();
    await screenshot(page, 'outlets');
  });

  it('no script error and no refused resource on any page', () => {
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.dialogs, []);
    const refused = problems.console.filter((m) => /Content Security Policy|Refused/i.test(m));
    assert.deepEqual(refused, []);
  });
});
