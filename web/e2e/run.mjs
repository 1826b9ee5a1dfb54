// Browser tests of the web app: the real `plantar serve` on a free loopback
// port, Debian's Chromium driven by playwright-core. Checks the check → plan
// flow, that a stop verdict blocks the plan, axe-core on every screen (no
// serious or critical violations, light and dark), no console errors (CSP),
// offline start after one visit, LAN pairing; saves screenshots at phone and
// desktop sizes. Usage: node e2e/run.mjs PLANTAR_BINARY SCREENSHOT_DIR
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [binary, shots = 'e2e-screenshots'] = process.argv.slice(2);
if (!binary) throw new Error('usage: node e2e/run.mjs PLANTAR_BINARY [SCREENSHOT_DIR]');
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

/// Starts `plantar serve ARGS` and resolves with the process and the first URL it prints.
function serve(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('plantar serve did not start: ' + out)), 60000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/http:\/\/\S+/);
      if (url && out.includes('Ctrl-C')) { clearTimeout(timer); resolve({ child, url: url[0], out }); }
    });
    child.on('exit', (code) => reject(new Error(`plantar serve exited with ${code}: ${out}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGINT'); });
}

// playwright-core adds --headless and a fresh temporary --user-data-dir itself.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  headless: true,
});
const db = mkdtempSync(join(tmpdir(), 'plantar-e2e-'));  // the journal and audio cache, not the user's
const local = await serve(['--db', db]);
const base = local.url.replace(/\/$/, '');
const origins = new Set([base]);  // every other request is a failure
const failures = [];
const problems = [];  // console errors and CSP refusals, any page

async function page(options = {}) {
  const context = await browser.newContext({ viewport: sizes.phone, ...options });
  const p = await context.newPage();
  p.on('console', (m) => { if (m.type() === 'error') problems.push(`${p.url()}: ${m.text()}`); });
  p.on('pageerror', (e) => problems.push(`${p.url()}: ${e.message}`));
  p.on('request', (r) => { if (!origins.has(new URL(r.url()).origin) && !r.url().startsWith('data:')) problems.push(`third-party request: ${r.url()}`); });
  return p;
}

async function axe(p, name) {
  await p.evaluate(axeSource);
  const result = await p.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    throw new Error(`axe on ${name}: ` + bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`).join('; '));
  }
}

/// Screenshots at both sizes and axe in light and dark, for the screen on show.
async function look(p, name) {
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
  await p.emulateMedia({ colorScheme: 'dark' });
  await p.screenshot({ path: join(shots, `${name}-phone-dark.png`) });
  await p.emulateMedia({ colorScheme: 'light' });
}

const heading = (p) => p.locator('main h1').innerText();
async function expectHeading(p, text) {
  await p.locator('main h1', { hasText: text }).waitFor({ timeout: 10000 });
}

const tests = {
  async 'check then plan, with every screen accessible'() {
    const p = await page();
    await p.goto(base + '/');
    await expectHeading(p, 'A foot massage');
    await look(p, 'home');
    await p.getByRole('link', { name: 'Take the 1-minute safety check' }).click();
    await p.getByText('Question 1 of').waitFor();
    await look(p, 'check-question');
    let answered = 0;
    while (await p.getByRole('button', { name: 'No', exact: true }).count()) {
      const question = await heading(p);
      if (/cut, sore|open wound|broken skin/i.test(question) && answered < 30) {
        await p.getByRole('button', { name: 'Yes', exact: true }).click();
        await expectHeading(p, 'a little more');
        await p.getByRole('button', { name: 'heel', exact: true }).first().click();
        await look(p, 'check-detail');
        await p.getByRole('button', { name: 'Next' }).click();
      } else {
        await p.getByRole('button', { name: 'No', exact: true }).click();
      }
      if (++answered > 40) throw new Error('the questions never end');
    }
    await expectHeading(p, /Good to go|Go gently/);
    await look(p, 'check-verdict');
    await p.getByRole('link', { name: 'Plan a routine' }).click();
    await expectHeading(p, 'Your routine');
    await p.getByRole('button', { name: 'Wind down for sleep' }).click();
    await p.getByRole('button', { name: 'Make my routine' }).click();
    await p.locator('.steps li').first().waitFor();
    const steps = await p.locator('.steps li').count();
    if (steps < 3) throw new Error(`only ${steps} steps`);
    if (!(await p.locator('.footmap svg[role=img]').first().getAttribute('aria-label')).includes('areas in this routine'))
      throw new Error('the foot map has no text alternative');
    await look(p, 'plan-routine');
    await p.setViewportSize(sizes.desktop);
    await p.locator('.footmap').first().screenshot({ path: join(shots, 'plan-footmap.png') });
  },

  async 'home starts a before-bed routine in two taps'() {
    const p = await page();
    await p.goto(base + '/');
    await p.getByRole('link', { name: /5 minutes before bed/ }).click();
    await expectHeading(p, 'Before you start');
    await p.getByRole('button', { name: /Start the session|Preparing the voice/ }).waitFor();
    await p.getByRole('link', { name: 'See or change the steps' }).click();
    await p.locator('.steps li').first().waitFor();
    const title = await p.locator('.routine h2').innerText();
    if (!/^5 minutes/.test(title)) throw new Error('expected a 5-minute routine, got ' + title);
    await p.goto(base + '/');
    await p.getByRole('link', { name: /My last routine/ }).waitFor();
  },

  async 'a stop verdict blocks the plan'() {
    const p = await page();
    await p.goto(base + '/#/check');
    await p.getByText('Question 1 of').waitFor();
    if (!/calf|leg/i.test(await heading(p))) throw new Error('expected the blood-clot question first');
    await p.getByRole('button', { name: 'Yes', exact: true }).click();
    await expectHeading(p, 'Get medical care today');
    if (await p.getByRole('link', { name: 'Plan a routine' }).count()) throw new Error('a stop verdict offers a plan');
    const alert = await p.getByRole('alert').innerText();
    if (!/medical care/i.test(alert)) throw new Error('the urgent advice is not in the alert: ' + alert);
    await look(p, 'check-stop');
    await p.goto(base + '/#/plan');
    await p.getByRole('button', { name: 'Make my routine' }).click();
    await p.getByRole('heading', { name: 'No routine today' }).waitFor();
    if (await p.locator('.steps li').count()) throw new Error('steps shown despite a stop verdict');
    await look(p, 'plan-stopped');
    await p.goto(base + '/#/guide/bedtime');  // Home's two-tap start
    await expectHeading(p, 'Get medical care today');
    if (await p.getByRole('button', { name: /Start the session|Preparing/ }).count()) throw new Error('a stop verdict starts a session');
  },

  async 'learn and the coming-soon screens'() {
    const p = await page();
    for (const tab of ['techniques', 'evidence', 'reflexology', 'tips']) {
      await p.goto(`${base}/#/learn/${tab}`);
      await p.locator('.card, .zones').first().waitFor();
      await look(p, `learn-${tab}`);
    }
    await p.goto(`${base}/#/learn/reflexology`);
    await p.getByRole('heading', { name: 'A tradition, not anatomy' }).waitFor();
    await p.setViewportSize(sizes.desktop);
    await p.locator('.footmap').first().screenshot({ path: join(shots, 'learn-zones-footmap.png') });
    await p.setViewportSize(sizes.phone);
    await p.goto(`${base}/#/learn/evidence`);
    await p.locator('.badge').first().waitFor();
    for (const id of ['more']) {
      await p.goto(`${base}/#/${id}`);
      await p.locator('main h1').waitFor();
      if (id !== 'more' && !(await heading(p)).includes('coming soon')) throw new Error(`${id} is not marked coming soon`);
      await look(p, `soon-${id}`);
    }
  },

  async 'keyboard only: answer a question and reach the plan'() {
    const p = await page();
    await p.goto(base + '/#/check');
    await p.getByText('Question 1 of').waitFor();
    await p.keyboard.press('Tab');  // focus starts on the question heading
    const focused = await p.evaluate(() => document.activeElement?.textContent);
    if (focused !== 'Yes') throw new Error('Tab from the question should reach Yes, reached ' + focused);
    await p.keyboard.press('Tab');
    await p.keyboard.press('Enter');  // No
    await p.getByText('Question 2 of').waitFor();
  },

  async 'opens offline after one visit'() {
    const p = await page();
    await p.goto(base + '/');
    await p.evaluate(() => navigator.serviceWorker.ready);
    await p.goto(base + '/#/learn/techniques');
    await p.locator('.card').first().waitFor();
    await p.reload();
    await p.locator('.card').first().waitFor();
    await p.context().setOffline(true);
    await p.reload();
    await expectHeading(p, 'Learn');
    await p.locator('.card').first().waitFor();
    await p.context().setOffline(false);
  },

  async 'LAN mode refuses an unpaired browser and accepts after pairing'() {
    const lan = await serve(['--lan', '--host', '127.0.0.1', '--db', db]);
    try {
      const pairUrl = lan.out.match(/http:\/\/\S+\/pair\?code=\w+/)[0].replace(/\/\/[^/:]+:/, '//127.0.0.1:');
      const root = pairUrl.replace(/\/pair.*/, '/');
      origins.add(new URL(root).origin);
      const p = await page();
      const refused = await p.goto(root);
      if (refused.status() !== 401) throw new Error('unpaired browser got ' + refused.status());
      await p.goto(pairUrl);
      await expectHeading(p, 'A foot massage');
      const other = await page();
      const second = await other.goto(pairUrl);
      if (second.status() !== 401) throw new Error('a used pairing code worked again: ' + second.status());
    } finally {
      await stop(lan.child);
    }
  },
};

for (const [name, test] of Object.entries(tests)) {
  const started = Date.now();
  try {
    await test();
    console.log(`ok    ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL  ${name}\n      ${String(error.message ?? error).split('\n').join('\n      ')}`);
  }
}
const expected = (s) => /401|Unauthorized/.test(s);  // the LAN test's refused pages
const unexpected = problems.filter((s) => !expected(s));
if (unexpected.length) {
  failures.push('console');
  console.log('FAIL  no console errors or third-party requests\n      ' + unexpected.join('\n      '));
}
await browser.close();
await stop(local.child);
rmSync(db, { recursive: true, force: true });
console.log(failures.length ? `${failures.length} browser test(s) failed` : `all ${Object.keys(tests).length} browser tests passed; screenshots in ${shots}`);
process.exit(failures.length ? 1 : 0);
