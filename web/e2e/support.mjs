// Shared pieces of the browser tests: start and stop `plantar serve`, open a
// watched page (console errors, CSP refusals and third-party requests are
// problems), axe-core, and screenshots at phone and desktop sizes.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

// The secret address each running local-mode server printed, by its process.
const signIns = new Map();

/// Starts `BINARY serve --port 0 ARGS` and resolves with the process, its address (for local mode
/// the clean origin; the secret address it printed is `signIn`) and what it printed.
export function serve(binary, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args.before ?? [], 'serve', '--port', '0', ...(args.warmUp ? [] : ['--no-warm-up']), ...args.after ?? []], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...args.env ?? {} } });
    let out = '';
    const timer = setTimeout(() => reject(new Error('plantar serve did not start: ' + out)), 60000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/http:\/\/\S+/);
      if (url && out.includes('Ctrl-C')) {
        clearTimeout(timer);
        const printed = url[0];
        const signIn = /[?&]token=/.test(printed) ? printed : null;
        if (signIn) signIns.set(child, signIn);
        resolve({ child, url: signIn ? new URL(printed).origin : printed.replace(/\/$/, ''), signIn, out });
      }
    });
    child.on('exit', (code) => reject(new Error(`plantar serve exited with ${code}: ${out}`)));
  });
}

export function stop(child) {
  signIns.delete(child);
  return new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGINT'); });
}

/// Visits every running server's secret address in `context`, as the person who started it would:
/// the server answers with its session cookie, which the context keeps.
export async function signIn(context) {
  for (const address of signIns.values()) {
    const answer = await context.request.get(address, { maxRedirects: 0 });
    if (answer.status() !== 303) throw new Error(`signing in at ${address} gave ${answer.status()}`);
  }
}

// playwright-core adds --headless and a fresh temporary --user-data-dir itself.
// Every context it opens has signed in to the servers running then (see signIn).
export async function launch(extraArgs = []) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs],
    headless: true,
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await signIn(context);
    return context;
  };
  return browser;
}

/// A page in a new context whose console errors and requests to other origins land in `problems`.
export async function watchedPage(browser, origins, problems, options = {}) {
  const context = await browser.newContext({ viewport: sizes.phone, ...options });
  const p = await context.newPage();
  p.on('console', (m) => { if (m.type() === 'error') problems.push(`${p.url()}: ${m.text()}`); });
  p.on('pageerror', (e) => problems.push(`${p.url()}: ${e.message}`));
  p.on('request', (r) => { if (!origins.has(new URL(r.url()).origin) && !r.url().startsWith('data:')) problems.push(`third-party request: ${r.url()}`); });
  return p;
}

export async function axe(p, name) {
  await p.evaluate(axeSource);
  const result = await p.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    throw new Error(`axe on ${name}: ` + bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`).join('; '));
  }
}

/// Screenshots at both sizes (and the phone in dark) and axe in light and dark, for the screen on show;
/// nothing on it may be wider than a phone.
export async function look(p, shots, name) {
  mkdirSync(shots, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    await p.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await axe(p, `${name} (${scheme})`);
  }
  await p.emulateMedia({ colorScheme: 'light' });
  for (const [size, viewport] of Object.entries(sizes)) {
    await p.setViewportSize(viewport);
    await p.screenshot({ path: join(shots, `${name}-${size}.png`), fullPage: size === 'phone' });
  }
  await p.setViewportSize(sizes.phone);
  await p.waitForTimeout(300);  // charts redraw for the new width on a resize event
  const wide = await p.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1).map((e) => e.tagName + '.' + e.className).slice(0, 5));
  if (wide.length) throw new Error(`${name} is wider than a phone: ${wide.join(', ')}`);
  await p.emulateMedia({ colorScheme: 'dark' });
  await p.screenshot({ path: join(shots, `${name}-phone-dark.png`), fullPage: true });
  await p.emulateMedia({ colorScheme: 'light' });
}

/// Runs the tests one after another and exits 1 if any failed or `problems` (less those matching
/// `expected`) is not empty. `chained`: each test needs the one before, so the first failure ends the run.
export async function runTests(tests, problems, cleanup, { chained = false, expected = null } = {}) {
  const failures = [];
  for (const [name, test] of Object.entries(tests)) {
    const started = Date.now();
    try {
      await test();
      console.log(`ok    ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failures.push(name);
      console.log(`FAIL  ${name}\n      ${String(error.message ?? error).split('\n').join('\n      ')}`);
      if (chained) break;
    }
  }
  const unexpected = problems.filter((s) => !expected?.test(s));
  if (unexpected.length) {
    failures.push('console');
    console.log('FAIL  no console errors or third-party requests\n      ' + unexpected.join('\n      '));
  }
  await cleanup();
  console.log(failures.length ? `${failures.length} browser test(s) failed` : `all ${Object.keys(tests).length} browser tests passed`);
  process.exit(failures.length ? 1 : 0);
}
