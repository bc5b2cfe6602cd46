// Shared by the dashboard's browser tests and the API's conformance test
// (tests/e2e/*.test.mjs): an archive made from fixture articles in a
// temporary folder, `veille serve` on a free port of 127.0.0.1, and Debian's
// chromium driven by playwright-core.
//
// Environment: VEILLE_BINARY (default: build/veille of this tree),
// E2E_ARTIFACTS (screenshots; default: build/e2e-artifacts), E2E_ASSETS (a
// folder to serve the dashboard from instead of the binary's own copy, e.g.
// `web` while editing it), CHROMIUM (default: /usr/bin/chromium).
import {spawn, execFile} from 'node:child_process';
import {existsSync, mkdirSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binary = path.resolve(repoRoot, process.env.VEILLE_BINARY || 'build/veille');
export const artifacts = path.resolve(repoRoot, process.env.E2E_ARTIFACTS || 'build/e2e-artifacts');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// What the tests need, said plainly rather than as a stack trace (scripts/install-deps installs both).
// A server alone needs only the binary; a browser needs chromium and playwright-core too.
function requirements({browser = true} = {}) {
  const missing = [];
  if (!existsSync(binary)) missing.push(`the veille binary (${binary}; set VEILLE_BINARY or build it)`);
  if (!browser) {
    if (missing.length) throw new Error(`e2e tests cannot run: missing ${missing.join('; ')}`);
    return;
  }
  if (!existsSync(chromiumPath)) missing.push(`chromium (${chromiumPath}; apt-get install chromium chromium-driver, or scripts/install-deps)`);
  try {
    createRequire(path.join(repoRoot, 'package.json')).resolve('playwright-core');
  } catch {
    missing.push('playwright-core (node_modules/; npm ci, or scripts/install-deps)');
  }
  if (missing.length) throw new Error(`dashboard e2e tests cannot run: missing ${missing.join('; ')}`);
}

function run(args, {timeout = 120_000} = {}) {
  return new Promise((resolve, reject) => {
    execFile(binary, args, {cwd: repoRoot, timeout, maxBuffer: 64 << 20}, (err, stdout, stderr) => {
      if (err) reject(new Error(`veille ${args.join(' ')} failed (${err.code ?? err.signal}): ${stderr}`));
      else resolve({stdout, stderr});
    });
  });
}

const jsonLines = (text) => text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// An archive of `articles` (objects, one JSON line each) served by `veille
// serve`. Returns {url, dir, db, analyze(), cli(args), stop()}; stop() ends
// the server (SIGTERM, then SIGKILL after 5 s) and removes the folder.
// `token: null` starts it without a token: POST /api/ingest is off (403).
export async function startServer(articles, {token = 'e2e-token'} = {}) {
  requirements({browser: false});
  const dir = await mkdtemp(path.join(os.tmpdir(), 'veille-e2e-'));
  const db = path.join(dir, 'x.db');
  const input = path.join(dir, 'articles.jsonl');
  let child = null;
  let log = '';
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, {recursive: true, force: true});
  };
  try {
    await writeFile(input, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
    await run(['ingest', '--db', db, input]);
    const port = await freePort();
    const args = ['serve', '--db', db, '--port', String(port)];
    if (token) args.push('--token', token);
    if (process.env.E2E_ASSETS) args.push('--assets', path.resolve(repoRoot, process.env.E2E_ASSETS));
    child = spawn(binary, args, {cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe']});
    const keep = (chunk) => { log = (log + chunk).slice(-16_000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    process.once('exit', () => { if (child.exitCode === null) child.kill('SIGKILL'); });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`veille serve exited with ${child.exitCode}: ${log}`);
      try {
        const res = await fetch(`${url}/healthz`, {signal: AbortSignal.timeout(2000)});
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`veille serve did not answer /healthz within 20 s: ${log}`);
      await sleep(100);
    }
    return {
      url, dir, db, token, log: () => log, stop,
      // What veille finds in the fixture, to assert the dashboard shows it.
      analyze: async () => jsonLines((await run(['analyze', input])).stdout),
      cli: async (cliArgs) => jsonLines((await run([...cliArgs, '--db', db])).stdout),
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export async function launchBrowser() {
  requirements();
  const {chromium} = createRequire(path.join(repoRoot, 'package.json'))('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--headless=new'],
  });
}

// A page that records what went wrong in it: uncaught errors, console errors
// (CSP violations among them) and dialogs (which it dismisses).
export async function newPage(browser) {
  const context = await browser.newContext({viewport: {width: 1366, height: 768}});
  const page = await context.newPage();
  const problems = {errors: [], console: [], dialogs: []};
  page.on('pageerror', (err) => problems.errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.console.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.setDefaultTimeout(10_000);
  return {page, context, problems};
}

export async function screenshot(page, name) {
  mkdirSync(artifacts, {recursive: true});
  await page.screenshot({path: path.join(artifacts, `${name}.png`), fullPage: true});
}
