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
    await expectHeading(p, 'Safety check');
    await look(p, 'check-list');
    await p.getByLabel(/A cut, sore, blister/).check();
    await p.getByRole('button', { name: /^Next/ }).click();
    await expectHeading(p, 'where is it');
    await p.getByRole('button', { name: 'heel', exact: true }).first().click();
    await look(p, 'check-detail');
    await p.getByRole('button', { name: 'Next', exact: true }).click();
    await expectHeading(p, /Good to go|Go gently/);
    await look(p, 'check-verdict');
    await p.getByRole('link', { name: 'Plan a routine' }).click();
    await expectHeading(p, 'Your routine');
    await p.getByRole('button', { name: 'Wind down for sleep' }).click();
    await p.getByRole('button', { name: 'Make my routine' }).click();
    await p.locator('.steps li').first().waitFor();
    const steps = await p.locator('.steps li').count();
    if (steps < 3) throw new Error(`only ${steps} steps`);
    // The routine reads like a session: phases, the why, the stand-up, the stretch's hold.
    const text = await p.locator('.routine').innerText();
    for (const want of [/warm-up/i, /main work/i, /to finish, standing/i, /Why: For [a-z ,]*sleep/, /Now stand up/, /hold 20 seconds/])
      if (!want.test(text)) throw new Error(`the routine does not show ${want}`);
    if (/pressure 1 of 5/.test(text.split(/to finish, standing/i)[1] ?? '')) throw new Error('the calf stretch shows a pressure');
    if (!(await p.locator('.footmap svg[role=img]').first().getAttribute('aria-label')).includes('areas in this routine'))
      throw new Error('the foot map has no text alternative');
    await look(p, 'plan-routine');
    await p.setViewportSize(sizes.desktop);
    await p.locator('.footmap').first().screenshot({ path: join(shots, 'plan-footmap.png') });
  },

  async 'home starts a before-bed routine in two taps'() {
    const p = await page();
    await p.goto(base + '/');
    // No check today: the bedtime routine asks the safety check first.
    await p.getByRole('link', { name: /5 minutes before bed/ }).click();
    await p.waitForFunction(() => location.hash === '#/check/bedtime');
    // "None of these" and Next: the verdict leads on to the bedtime session.
    await p.getByRole('button', { name: 'None of these' }).click();
    await p.getByRole('link', { name: 'Start the bedtime routine' }).click();
    await expectHeading(p, 'Before you start');
    // With today's check saved, it uses it and goes straight to the session.
    await p.evaluate(() => localStorage.setItem('plantar.check', JSON.stringify({ conditions: [], at: Date.now() })));
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
    await expectHeading(p, 'Safety check');
    await p.getByLabel(/One calf or thigh swollen/).check();
    await p.getByRole('button', { name: /^Next/ }).click();
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

  async 'keyboard only: answer the check and reach the plan'() {
    const p = await page();
    await p.goto(base + '/#/check');
    await expectHeading(p, 'Safety check');
    // The list arrives after the first heading: its screen's heading takes the focus then.
    await p.getByText('None of these', { exact: true }).first().waitFor();
    await p.waitForFunction(() => document.activeElement?.matches('main h1'));
    await p.keyboard.press('Tab');  // focus starts on the heading
    const focused = await p.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused !== 'None of these') throw new Error('Tab from the heading should reach None of these, reached ' + focused);
    await p.keyboard.press('Enter');
    await expectHeading(p, 'Good to go');
    // The verdict's heading takes the focus, as every screen's does.
    await p.waitForFunction(() => document.activeElement?.matches('main h1') && /Good to go/.test(document.activeElement.textContent));
    await p.keyboard.press('Tab');
    const next = await p.evaluate(() => document.activeElement?.textContent?.trim());
    if (!/Plan a routine/.test(next)) throw new Error('Tab from the verdict should reach the plan, reached ' + next);
  },

  async 'a healthy person finishes the check in two taps'() {
    const p = await page();
    await p.goto(base + '/');
    await expectHeading(p, 'A foot massage');
    const started = Date.now();
    await p.getByRole('link', { name: 'Take the 1-minute safety check' }).click();  // tap 1
    await p.getByRole('button', { name: 'None of these' }).click();  // tap 2
    await expectHeading(p, 'Good to go');
    const seconds = (Date.now() - started) / 1000;
    if (seconds > 30) throw new Error(`the healthy check took ${seconds} s`);
    const box = await p.locator('.verdict-box').innerText();
    if (!/Pressure: up to 4 of 5: firm/.test(box)) throw new Error('no pressure statement in words: ' + box);
    await look(p, 'check-go');
  },

  async 'no answer of the check sits under the tab bar, 360 to 430 px wide'() {
    // Each answer is scrolled to the bottom edge of the screen, the worst
    // place, and must still be what is under its centre.
    const covered = async (p, where) => {
      const hidden = await p.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll('main button, main label.choice, main a.big')) {
          if (el.disabled) continue;
          el.scrollIntoView({ block: 'nearest' });
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          if (!hit || !(el === hit || el.contains(hit))) out.push(`${el.textContent.trim().slice(0, 40)} under ${hit?.closest('nav') ? 'the tab bar' : hit?.tagName}`);
        }
        return out;
      });
      if (hidden.length) throw new Error(`${where}: covered: ${hidden.join('; ')}`);
    };
    for (const width of [360, 390, 430]) {
      const p = await page({ viewport: { width, height: 740 } });
      await p.goto(base + '/#/check');
      await expectHeading(p, 'Safety check');
      await covered(p, `${width}px list`);
      await p.getByLabel(/Nerve damage in the feet/).check();
      await p.getByLabel(/A bruise/).check();
      await covered(p, `${width}px list, ticked`);
      await p.getByRole('button', { name: /^Next/ }).click();
      await expectHeading(p, 'which fits best');
      await covered(p, `${width}px severity`);
      if (!(await p.locator('main').innerText()).includes('cannot feel the floor')) throw new Error('severity not in plain words');
      await p.getByRole('button', { name: /can still feel the floor/ }).click();
      await expectHeading(p, 'which fits best');  // the bruise
      await p.getByRole('button', { name: /^Small/ }).click();
      await expectHeading(p, 'where is it');
      await p.getByRole('button', { name: 'heel', exact: true }).first().click();
      await covered(p, `${width}px where`);
      await p.getByRole('button', { name: 'Next', exact: true }).click();
      await expectHeading(p, 'Go gently');
      await covered(p, `${width}px verdict`);
      const box = await p.locator('.verdict-box').innerText();
      if ((box.match(/Pressure: up to/g) ?? []).length !== 1) throw new Error('not one pressure statement: ' + box);
      if (!box.includes('2 of 5: light, like spreading lotion')) throw new Error('pressure not in words: ' + box);
      if (width === 390) await look(p, 'check-verdict-caution');
      await p.close();
    }
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
