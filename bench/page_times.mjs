// The dashboard's pages in a real browser (Debian's chromium, driven by
// playwright-core), timed from navigation to the page drawn: the time an
// analyst waits for a search, an article, an entity or quotes, API calls
// included. For bench/run_serve; prints a Markdown table.
//
// Usage: node bench/page_times.mjs BASE_URL RUNS NAME=PATH|PATH|… …
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const {chromium} = createRequire(path.join(root, 'package.json'))('playwright-core');
const [base, runsText, ...pages] = process.argv.slice(2);
const runs = Number(runsText);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({viewport: {width: 1366, height: 768}});
  // One load untimed: the browser's first page starts its renderer and
  // reads the dashboard's modules, which later pages have.
  await page.goto(base + '/', {waitUntil: 'domcontentloaded'});
  await page.waitForSelector('main:not([aria-busy]) h1', {timeout: 30_000});
  console.log(`| page (${runs} loads each, a new query each time where the page has one) | p50 ms | max ms |`);
  console.log('|---|--:|--:|');
  for (const spec of pages) {
    // NAME=PATH|PATH|…: the paths are loaded in turn.
    const name = spec.slice(0, spec.indexOf('='));
    const paths = spec.slice(spec.indexOf('=') + 1).split('|');
    const times = [];
    for (let i = 0; i < runs; ++i) {
      const target = paths[i % paths.length];
      const start = performance.now();
      await page.goto(base + target, {waitUntil: 'domcontentloaded'});
      // The dashboard marks <main> busy while it waits for the API.
      await page.waitForSelector('main:not([aria-busy]) h1', {timeout: 30_000});
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${name} | ${times[Math.floor(times.length / 2)].toFixed(0)} | ${times[times.length - 1].toFixed(0)} |`);
  }
} finally {
  await browser.close();
}
