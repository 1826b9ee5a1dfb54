// Browser tests of the web app: the real `plantar serve` on a free loopback
// port, Debian's Chromium driven by playwright-core. Checks the check → plan
// flow, that a stop verdict blocks the plan, axe-core on every screen (no
// serious or critical violations, light and dark), no console errors (CSP),
// offline start after one visit, LAN pairing; saves screenshots at phone and
// desktop sizes. Usage: node e2e/run.mjs PLANTAR_BINARY SCREENSHOT_DIR
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, look as lookAt, runTests, serve as serveBinary, sizes, stop, watchedPage } from './support.mjs';

const [binary, shots = 'e2e-screenshots'] = process.argv.slice(2);
if (!binary) throw new Error('usage: node e2e/run.mjs PLANTAR_BINARY [SCREENSHOT_DIR]');
const serve = (args) => serveBinary(binary, { after: args });
const browser = await launch();
const db = mkdtempSync(join(tmpdir(), 'plantar-e2e-'));  // the journal and audio cache, not the user's
const local = await serve(['--db', db]);
const base = local.url;
const origins = new Set([base]);  // every other request is a failure
const problems = [];  // console errors and CSP refusals, any page
const page = (options = {}) => watchedPage(browser, origins, problems, options);
const look = (p, name) => lookAt(p, shots, name);

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
      // Closed before the server stops: a page left open asks for its icon after the load.
      await other.close();
      await p.close();
    } finally {
      await stop(lan.child);
    }
  },
};

await runTests(tests, problems, async () => {
  await browser.close();
  await stop(local.child);
  rmSync(db, { recursive: true, force: true });
}, { expected: /401|Unauthorized/ });  // the LAN test's refused pages
