// Hostile articles in the dashboard: titles, texts, outlets and URLs that
// carry <script>, onerror/onload handlers, javascript: links and attribute
// breakers must show as text and never run. Also the headers the server sends
// (Content-Security-Policy, nosniff) on the page, its script and the API.
//
// Run: node --test tests/e2e/   (from the repository root; ctest runs it as
// dashboard_e2e). Needs build/veille (or VEILLE_BINARY), /usr/bin/chromium and
// node_modules/playwright-core (scripts/install-deps installs both).
// E2E_ASSETS=web serves the dashboard from web/ instead of the binary's copy.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {hostile, payloads} from './fixture.mjs';
import {launchBrowser, newPage, screenshot, startServer} from './server.mjs';

describe('hostile articles', {timeout: 100_000}, () => {
  let server;
  let browser;
  let page;
  let problems;

  before(async () => {
    server = await startServer(hostile);
    browser = await launchBrowser();
    ({page, problems} = await newPage(browser));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Nothing ran, nothing needed the Content-Security-Policy to stop it, and the
  // page holds no element or attribute that could run script.
  async function assertInert(where) {
    // Give handlers (onerror fires after a failed load) a chance to run.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', `${where}: a payload ran`);
    assert.deepEqual(problems.dialogs, [], `${where}: a dialog opened`);
    assert.deepEqual(problems.errors, [], `${where}: script errors`);
    const refused = problems.console.filter((m) => /Content Security Policy|Refused to/i.test(m));
    assert.deepEqual(refused, [], `${where}: the CSP had to refuse something the page tried`);
    const dom = await page.evaluate(() => {
      const out = {handlers: [], scripts: 0, images: 0, svgs: [], jsLinks: []};
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) out.handlers.push(`${el.tagName} ${attr.name}`);
        }
      }
      out.scripts = document.querySelectorAll('script:not([src="/assets/app.js"])').length;
      out.images = document.querySelectorAll('img, iframe, object, embed').length;
      out.svgs = [...document.querySelectorAll('svg')].filter((svg) => !svg.classList.contains('chart')).length;
      for (const a of document.querySelectorAll('a[href], area[href]')) {
        const href = a.getAttribute('href');
        if (!/^(\/(?!\/)|#|https?:\/\/)/i.test(href)) out.jsLinks.push(href);
      }
      return out;
    });
    assert.deepEqual(dom, {handlers: [], scripts: 0, images: 0, svgs: 0, jsLinks: []}, `${where}: dangerous DOM`);
  }

  const bodyText = () => page.locator('body').innerText();

  it('search results show payloads as text', async () => {
    await page.goto(`${server.url}/search?q=zanzibar`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.locator('.hit').count(), hostile.length);
    const text = await bodyText();
    assert.ok(text.includes(payloads.script), 'the <script> title is not shown as text');
    assert.ok(text.includes(payloads.img), 'the <img onerror> title is not shown as text');
    assert.ok(text.includes(payloads.svg), 'the <svg onload> outlet is not shown as text');
    await assertInert('search');
    // The outlet facet holds the payload as text too, and clicking it searches for it.
    await page.locator('.facet-outlets .facet-value', {hasText: 'Le Canard'}).click();
    await page.locator('.total').waitFor();
    await assertInert('search by hostile outlet');
    await screenshot(page, 'hostile-search');
  });

  it('article pages show payloads as text and never link to javascript:', async () => {
    for (const a of hostile) {
      await page.goto(`${server.url}/search?q=${encodeURIComponent('zanzibar')}`);
      await page.locator('.hit').first().waitFor();
      const title = page.locator('.hit-title a').filter({hasText: a.title});
      assert.equal(await title.count(), 1, `no result titled ${a.title}`);
      await title.click();
      await page.locator('h1.article-title').waitFor();
      assert.equal(await page.locator('h1.article-title').textContent(), a.title);
      const text = await page.locator('.article-text').innerText();
      assert.ok(text.includes(a.text.split('\n')[0].slice(0, 40)), `${a.id}: the text is not shown as text`);
      const link = page.locator('.article-url a');
      if (/^https?:/i.test(a.url)) {
        assert.equal(await link.getAttribute('href'), new URL(a.url).href);
        assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      } else {
        assert.equal(await link.count(), 0, `${a.id}: the ${a.url} URL became a link`);
        assert.equal(await page.locator('.article-url').innerText(), a.url);
      }
      await assertInert(`article ${a.id}`);
      if (a.id === 'h1') await screenshot(page, 'hostile-article');
    }
  });

  it('entity, quotes and outlets pages show payloads as text', async () => {
    await page.goto(`${server.url}/search?q=zanzibar`);
    await page.locator('.hit-title a').filter({hasText: hostile[0].title}).click();
    await page.locator('.article-text').waitFor();
    const person = page.locator('.article-text a.ent.ent-PER').first();
    if (await person.count()) {
      await person.click();
      await page.locator('h1.entity-name').waitFor();
      await page.locator('.panel-recent li').first().waitFor();
      assert.ok((await bodyText()).includes(hostile[0].title), 'the entity page lacks the hostile title as text');
      await assertInert('entity');
    }
    await page.goto(`${server.url}/quotes?speaker=${encodeURIComponent('Alexandre Loukachenko')}`);
    await page.locator('.quotes .quote-item, .message').first().waitFor();
    if (await page.locator('.quotes .quote-item').count()) {
      const text = await bodyText();
      assert.ok(text.includes(payloads.script), 'the quote with <script> is not shown as text');
      assert.ok(text.includes(hostile[0].outlet), 'the hostile outlet is not shown as text');
      await screenshot(page, 'hostile-quotes');
    }
    await assertInert('quotes');
    // Hostile query parameters are text as well.
    await page.goto(`${server.url}/quotes?speaker=${encodeURIComponent(payloads.img)}&q=${encodeURIComponent(payloads.svg)}`);
    await page.locator('.message').first().waitFor();
    assert.equal(await page.locator('#speaker').inputValue(), payloads.img);
    await assertInert('quotes with a hostile speaker');
    await page.goto(`${server.url}/entity/${encodeURIComponent(payloads.script)}`);
    await page.locator('.message').first().waitFor();
    assert.ok((await page.locator('h1').textContent()).includes(payloads.script));
    await assertInert('entity with a hostile name');
    await page.goto(`${server.url}/search?q=${encodeURIComponent(`"${payloads.svg}`)}`);
    await page.locator('.message, .hit').first().waitFor();
    await assertInert('search with a hostile query');
    await page.goto(`${server.url}/outlets`);
    await page.locator('.outlets-table tbody tr').first().waitFor();
    const outlets = await page.locator('.outlets-table tbody th').allTextContents();
    assert.ok(outlets.includes(hostile[0].outlet), `outlets: ${outlets}`);
    assert.ok(outlets.includes(hostile[1].outlet), `outlets: ${outlets}`);
    await assertInert('outlets');
  });

  it('the page, its script and the API send a strict CSP and nosniff', async () => {
    for (const path of ['/', '/search?q=zanzibar', '/assets/app.js', '/assets/style.css', '/api/search?q=zanzibar', '/api/outlets']) {
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 200, path);
      const csp = res.headers.get('content-security-policy') || '';
      assert.match(csp, /script-src 'self'(;|$)/, `${path}: CSP ${csp}`);
      assert.match(csp, /default-src 'none'/, `${path}: CSP ${csp}`);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${path}: CSP ${csp}`);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      const type = res.headers.get('content-type') || '';
      const want = path.endsWith('.js') ? /javascript/ : path.endsWith('.css') ? /text\/css/ : path.startsWith('/api/') ? /application\/json/ : /text\/html/;
      assert.match(type, want, `${path}: Content-Type ${type}`);
      await res.arrayBuffer();
    }
  });
});
