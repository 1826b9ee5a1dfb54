// Browser test of the technique pictures: the Learn gallery (a card per
// technique with its picture), a technique's loop (animated, or still key
// frames under reduced motion), a thumbnail beside each step of a plan, and
// the guide's current step shown big with the foot map one tap away. The
// real `plantar serve` and Debian's Chromium at phone width; axe (light and
// dark) and screenshots through look(). Usage: node e2e/pictures.mjs
// PLANTAR_BINARY SCREENSHOT_DIR
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, look as lookAt, runTests, serve, stop, watchedPage } from './support.mjs';

const [binary, shots = 'e2e-screenshots'] = process.argv.slice(2);
if (!binary) throw new Error('usage: node e2e/pictures.mjs PLANTAR_BINARY [SCREENSHOT_DIR]');
const db = mkdtempSync(join(tmpdir(), 'plantar-e2e-pictures-'));
const browser = await launch();
const server = await serve(binary, { after: ['--db', db] });
const base = server.url;
const problems = [];
const p = await watchedPage(browser, new Set([base]), problems);
const fail = (message) => { throw new Error(message); };
const look = (name) => lookAt(p, shots, `pictures-${name}`);
const shown = (selector) => p.locator(selector).first().evaluate((e) => getComputedStyle(e).display !== 'none');

const tests = {
  async 'the gallery has a picture for every technique'() {
    await p.goto(base + '/#/learn/techniques');
    await p.locator('.gallery-card').first().waitFor();
    const techniques = await p.evaluate(async () => (await fetch('/api/learn/techniques')).json());  // with the page's cookie
    if ((await p.locator('.gallery-card').count()) !== techniques.length) fail('not one card per technique');
    await p.waitForFunction((n) => document.querySelectorAll('.gallery-card .picture svg').length === n, techniques.length);
    const titles = await p.locator('.gallery-card .picture svg title').evaluateAll((all) => all.map((t) => t.textContent));
    if (titles.length !== techniques.length || titles.some((t) => !t)) fail('a picture without a title');
    await look('gallery');
  },

  async 'a technique shows its loop, then steps, then care notes'() {
    await p.getByRole('link', { name: /Thumb walk along the arch/ }).click();
    await p.locator('.technique-detail .picture.loop svg').waitFor();
    const order = await p.locator('.technique-detail').evaluate((e) => [...e.querySelectorAll('.picture, ol, .cautions')].map((x) => x.className || x.tagName));
    if (order.join(' ') !== 'picture loop OL cautions') fail('expected the loop, the steps, the care notes; got ' + order.join(' '));
    await p.emulateMedia({ reducedMotion: 'no-preference' });
    if (!(await shown('.technique-detail .pic-anim')) || (await shown('.technique-detail .pic-still'))) fail('the loop does not play');
    const moving = await p.locator('.technique-detail .pic-anim animateMotion').count();
    if (moving < 1) fail('no movement in the loop');
    await p.emulateMedia({ reducedMotion: 'reduce' });
    if ((await shown('.technique-detail .pic-anim')) || !(await shown('.technique-detail .pic-ghost'))) fail('reduced motion still moves, or shows no key frames');
    await look('technique');
  },

  async 'a plan has a thumbnail beside each step'() {
    await p.goto(base + '/#/plan/bedtime');
    await p.locator('.steps li').first().waitFor({ timeout: 30000 });
    const steps = await p.locator('.steps li').count();
    await p.waitForFunction((n) => document.querySelectorAll('.steps li .picture.thumb svg').length === n, steps);
    const right = await p.locator('.steps li', { hasText: 'right foot' }).first().locator('svg g[transform^="matrix(-1"]').count();
    if (!right) fail('a right-foot step shows the left foot');
    await look('plan');
  },

  async 'the guide shows the step big, with the foot map one tap away'() {
    await p.getByRole('link', { name: /Start the guided session|guided session/i }).first().click();
    await p.getByRole('button', { name: 'Start the session' }).click({ timeout: 120000 });
    await p.getByRole('button', { name: 'Next step' }).click();
    await p.locator('.step-view .picture.loop svg').waitFor();
    const toggle = p.locator('.controls .control.primary');  // held still for the picture
    if ((await toggle.textContent()) === 'Pause') await toggle.click();
    await look('guide');
    await p.getByRole('button', { name: 'Show the foot map' }).click();
    await p.locator('.step-view .footmap').waitFor();
    await p.getByRole('button', { name: 'Show how' }).click();
    await p.locator('.step-view .picture svg').waitFor();
  },

  async 'the API sends the picture as SVG, kept for good at its versioned address'() {
    // The page asked for the versioned addresses only.
    const asked = await p.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname + new URL(e.name).search)
      .filter((u) => u.startsWith('/api/pictures/')));
    if (!asked.length || asked.some((u) => !/\.svg\?v=[0-9a-f]{16}$/.test(u))) fail('the page asked for unversioned pictures: ' + asked.join(' '));
    // With the page's cookie: the API answers only the signed-in browser.
    const cookie = (await p.context().cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ');
    const list = await (await fetch(base + '/api/pictures', { headers: { cookie } })).json();
    const arch = list.pictures.find((x) => x.technique === 'arch_knead');
    const res = await fetch(base + arch.right, { headers: { cookie } });
    if (res.status !== 200 || !res.headers.get('content-type').startsWith('image/svg+xml')) fail(`got ${res.status}`);
    if (res.headers.get('cache-control') !== 'public, max-age=31536000, immutable') fail('the versioned picture is not kept for good');
    const plain = await fetch(base + '/api/pictures/arch_knead.svg', { headers: { cookie } });
    if (plain.status !== 200 || plain.headers.get('cache-control') !== 'no-cache') fail('an unversioned picture may be kept');
    if ((await fetch(base + '/api/pictures/nothing.svg', { headers: { cookie } })).status !== 404) fail('a picture for nothing');
  },
};

await runTests(tests, problems, async () => {
  await browser.close();
  await stop(server.child);
  rmSync(db, { recursive: true, force: true });
}, { chained: true });
