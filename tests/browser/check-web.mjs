// Opens leafpress web pages (the web edition, a library's index) in a real
// browser (Debian's Chromium, driven by playwright-core) and prints ONE JSON
// object: for every page at every width, what a reader would meet.
//
//   node tests/browser/check-web.mjs [--screenshot OUT.png] PAGE.html...
//
// Each page is opened at 320 and 1280 CSS px in the light theme and at 320 px in
// the dark one. For each: console errors and warnings, script errors, network
// requests, axe-core violations (WCAG 2.2 AA tags), the document's width against
// the viewport (also with WCAG 1.4.12's text spacing forced on), whether a
// keyboard focus is visible, and (at 1280 px, light) each [data-block]'s text as
// innerText gives it. --screenshot: the first page at 390 px, the whole page.
//
// Exit 0: the JSON was printed; judging it is the caller's job (the Rust test).
// Exit 2: the browser could not be started (Chromium or node_modules missing).
// Exit 1: anything else went wrong (bad usage, a missing page, a bug here).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWS = [
  { width: 320, scheme: 'light' },
  { width: 1280, scheme: 'light' },
  { width: 320, scheme: 'dark' },
];
// WCAG 1.4.12's bookmarklet values: what a reader's own stylesheet may force.
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

function fail(code, message) {
  process.stderr.write(`check-web: ${message}\n`);
  process.exit(code);
}

const args = process.argv.slice(2);
let screenshot = null;
if (args[0] === '--screenshot') {
  screenshot = resolve(args[1]);
  args.splice(0, 2);
}
if (!args.length) fail(1, 'usage: node check-web.mjs [--screenshot OUT.png] PAGE.html...');
const pages = args.map((a) => resolve(a));
for (const p of pages) if (!existsSync(p)) fail(1, `no such page: ${p}`);

const require = createRequire(import.meta.url);
let chromium, axeSource;
try {
  ({ chromium } = await import('playwright-core'));
  axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
  fail(2, `node modules missing (run: npm ci --prefix tests/browser): ${e.message}`);
}
if (!existsSync(CHROMIUM)) fail(2, `${CHROMIUM} not found (apt-get install chromium)`);

let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
} catch (e) {
  fail(2, `could not start ${CHROMIUM}: ${e.message}`);
}
// A hung page must not hang the test suite.
setTimeout(() => fail(1, 'gave up after 600 s'), 600_000).unref();

async function open(file, view) {
  const url = pathToFileURL(file).href;
  const out = { file, ...view, console: [], page_errors: [], requests: [], axe_violations: [] };
  const context = await browser.newContext({
    // The page's own policy forbids every script; bypassing it lets us inject
    // axe-core without weakening the file.
    bypassCSP: true,
    serviceWorkers: 'block',
    colorScheme: view.scheme,
    viewport: { width: view.width, height: 800 },
  });
  await context.route('**/*', (route) =>
    route.request().url() === url ? route.continue() : route.abort('blockedbyclient'));
  const page = await context.newPage();
  page.on('request', (r) => { if (r.url() !== url && !r.url().startsWith('data:')) out.requests.push(r.url()); });
  page.on('websocket', (ws) => out.requests.push(ws.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') out.console.push({ type: m.type(), text: m.text() });
  });
  page.on('pageerror', (e) => out.page_errors.push(String(e.message || e)));
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });

  out.inner_width = await page.evaluate(() => window.innerWidth);
  out.scroll_width = await page.evaluate(() => document.documentElement.scrollWidth);

  // The keyboard's first stop shows where it is.
  await page.keyboard.press('Tab');
  out.focus = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { tag: el.tagName.toLowerCase(), outline: s.outlineStyle, outline_width: parseFloat(s.outlineWidth) };
  });

  if (view.width === 1280 && view.scheme === 'light') {
    out.blocks = await page.evaluate(() =>
      [...document.querySelectorAll('[data-block]')].map((el) => ({ block: el.dataset.block, text: el.innerText })));
    out.headings = await page.evaluate(() =>
      [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => `${h.tagName.toLowerCase()} ${h.innerText}`));
  }

  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: 'tag', values } }),
    AXE_TAGS);
  out.axe_violations = axe.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.flat(Infinity).join(' >>> ')),
  }));

  // Text spacing forced on (a reader's stylesheet): still no sideways scrolling.
  await page.addStyleTag({ content: TEXT_SPACING });
  out.spaced_scroll_width = await page.evaluate(() => document.documentElement.scrollWidth);
  await context.close();
  return out;
}

const out = { pages: [] };
try {
  for (const file of pages) {
    for (const view of VIEWS) {
      // Chromium on a busy machine may lose a page now and then: a page that
      // could not be opened is tried once more in a fresh browser.
      try {
        out.pages.push(await open(file, view));
      } catch (e) {
        process.stderr.write(`check-web: ${file} at ${view.width} px: ${e.message}; trying again\n`);
        if (!browser.isConnected()) browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
        out.pages.push(await open(file, view));
      }
    }
  }
  if (screenshot) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(pathToFileURL(pages[0]).href, { waitUntil: 'load' });
    await page.screenshot({ path: screenshot, fullPage: false });
    await context.close();
  }
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} finally {
  await browser.close();
}
process.exitCode = 0;
