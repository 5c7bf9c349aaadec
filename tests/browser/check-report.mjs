// Opens one leafpress HTML report in a real browser (Debian's Chromium, driven
// by playwright-core) and prints ONE JSON object describing what a reader
// would meet: console errors/warnings, script errors, network requests,
// axe-core violations, and for every [data-finding] element whether it is
// visible, reachable with the Tab key, and explained through aria-describedby.
//
//   node tests/browser/check-report.mjs REPORT.html
//
// Exit 0: the JSON was printed; judging it is the caller's job (the Rust test).
// Exit 2: the browser could not be started (Chromium or node_modules missing);
//         the reason is on stderr.
// Exit 1: anything else went wrong (bad usage, missing report, a bug here).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
// A self-contained report needs none of Chromium's own background traffic, and
// the test machines reach no network anyway: these keep the browser quiet and
// fast to start. Playwright gives each launch a fresh temporary profile.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

function fail(code, message) {
  process.stderr.write(`check-report: ${message}\n`);
  process.exit(code);
}

const [reportArg, ...extra] = process.argv.slice(2);
if (!reportArg || extra.length) fail(1, 'usage: node check-report.mjs REPORT.html');
const reportPath = resolve(reportArg); // relative to the caller's working directory
if (!existsSync(reportPath)) fail(1, `no such report: ${reportPath}`);
const reportUrl = pathToFileURL(reportPath).href;

// Resolved next to this script, not the working directory, so the check runs
// from anywhere. A missing install is "cannot start", not a finding.
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

// A hung page must not hang the test suite: give up loudly after two minutes.
setTimeout(() => fail(1, 'gave up after 120 s'), 120_000).unref();

const out = { console: [], page_errors: [], requests: [], axe_violations: [], findings: [], title: null };
try {
  const context = await browser.newContext({
    // A report may well carry a strict Content-Security-Policy (it loads
    // nothing); bypassing it lets us inject axe-core without weakening the file.
    bypassCSP: true,
    serviceWorkers: 'block',
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
  });
  // Anything other than the report itself is a network request a
  // self-contained report must not make: list it, and never let it out.
  await context.route('**/*', (route) =>
    route.request().url() === reportUrl ? route.continue() : route.abort('blockedbyclient'));
  const page = await context.newPage();
  page.on('request', (r) => { if (r.url() !== reportUrl) out.requests.push(r.url()); });
  page.on('websocket', (ws) => out.requests.push(ws.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      const { url, lineNumber } = m.location();
      out.console.push({ type: m.type(), text: m.text(), location: url ? `${url}:${lineNumber}` : '' });
    }
  });
  page.on('pageerror', (e) => out.page_errors.push(String(e.stack || e.message || e)));

  await page.goto(reportUrl, { waitUntil: 'load', timeout: 30_000 });

  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: 'tag', values } }),
    AXE_TAGS);
  out.axe_violations = axe.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.length,
    // A target is a list of selectors only when it crosses shadow roots/frames.
    targets: v.nodes.map((n) => n.target.flat(Infinity).join(' >>> ')),
  }));

  // Helpers left in the page: the list of findings, and what a focused
  // finding explains (its aria-describedby text) and whether that explanation
  // is then on screen (the report shows it on :focus with CSS). Transitions are
  // finished first so a fade-in is judged by where it ends, not its first frame.
  // Visibility is taken now, before any focus moves, as a reader first sees it.
  out.findings = await page.evaluate(() => {
    const seen = new WeakSet();
    const shown = (el) => el.getClientRects().length > 0
      && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const lp = window.__leafpress = {
      findings: [...document.querySelectorAll('[data-finding]')],
      describe(el) {
        document.getAnimations().forEach((a) => { try { a.finish(); } catch { /* infinite */ } });
        const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
        const targets = ids.map((id) => document.getElementById(id)).filter(Boolean);
        const text = targets.map((t) => t.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
        return { description: text || null, description_shown: targets.length > 0 && targets.every(shown) };
      },
      // One Tab stop: which finding (if any) has focus, or that the tab order
      // has wrapped around (back to the page or to an element already seen).
      step() {
        const el = document.activeElement;
        if (!el || el === document.body || seen.has(el)) return { wrapped: true };
        seen.add(el);
        const index = lp.findings.indexOf(el);
        return index < 0 ? { index } : { index, ...lp.describe(el) };
      },
    };
    return lp.findings.map((el) => {
      const r = el.getBoundingClientRect();
      const visible = shown(el) && r.width > 0 && r.height > 0 && r.right + scrollX > 0 && r.bottom + scrollY > 0;
      return { id: el.getAttribute('data-finding'), visible, focusable: false, description: null, description_shown: false };
    });
  });

  // "Can receive keyboard focus" is proven by pressing Tab, not by reading
  // tabindex: display:none, inert, disabled or an <a> without href all defeat
  // the attribute. Walk the tab order once from the top until it wraps; the
  // number of tabIndex>=0 elements bounds it should a page trap focus.
  const bound = await page.evaluate(() => {
    document.activeElement?.blur();
    return [...document.querySelectorAll('*')].filter((e) => e.tabIndex >= 0).length + 2;
  });
  for (let i = 0; i < bound; i++) {
    await page.keyboard.press('Tab');
    const s = await page.evaluate(() => window.__leafpress.step());
    if (s.wrapped) break;
    if (s.index >= 0) {
      const { description, description_shown } = s;
      Object.assign(out.findings[s.index], { focusable: true, description, description_shown });
    }
  }
  // Findings the keyboard never reaches still get their explanation reported
  // (after a script focus, which may or may not land), so a failing test can
  // say both what is missing and what is there.
  for (const [index, f] of out.findings.entries()) {
    if (f.focusable) continue;
    Object.assign(f, await page.evaluate((i) => {
      const lp = window.__leafpress;
      lp.findings[i].focus?.();
      return lp.describe(lp.findings[i]);
    }, index));
  }

  out.title = await page.title();
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} finally {
  await browser.close();
}
process.exitCode = 0; // not process.exit(): let stdout drain into a pipe
