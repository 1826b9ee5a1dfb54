// Browser test of the morning after: the Journal's morning check-in (sleep,
// first-step heel pain) joins the latest session and shows up on Insights by
// date; Insights plots by date with gaps as gaps, and shows sore spots week
// by week; saving a session shows its change and the streak. The real
// `plantar serve` and Debian's Chromium at phone width (390x844); axe and
// screenshots through look(). Usage: node e2e/mornings.mjs PLANTAR_BINARY SCREENSHOT_DIR
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, look as lookAt, runTests, serve, stop, watchedPage } from './support.mjs';

const [binary, shots = 'e2e-screenshots'] = process.argv.slice(2);
if (!binary) throw new Error('usage: node e2e/mornings.mjs PLANTAR_BINARY [SCREENSHOT_DIR]');
const db = mkdtempSync(join(tmpdir(), 'plantar-e2e-mornings-'));

// Three sessions: two on following days three weeks ago, then a gap, then one
// four days ago (its morning is what the test records).
const day = (ago) => {
  const d = new Date(Date.now() - ago * 86400000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} 21:30`;
};
const log = (...args) => execFileSync(binary, ['--db', db, 'log', ...args], { stdio: 'pipe' });
log('--before', 'stress=7,pain=5', '--after', 'stress=4,pain=3', '--sore', 'left:heel=7', '--at', day(22));
log('--before', 'stress=6', '--after', 'stress=3', '--sore', 'left:heel=5', '--sore', 'right:arch=4', '--at', day(21));
log('--morning', 'sleep=5,heel_pain=7', '--at', day(20).slice(0, 10) + ' 07:00');
log('--before', 'stress=5,pain=4', '--after', 'stress=2,pain=2', '--sore', 'right:arch=3', '--at', day(4));

const browser = await launch();
const server = await serve(binary, { after: ['--db', db] });
const base = server.url;
const problems = [];
const p = await watchedPage(browser, new Set([base]), problems);
const fail = (message) => { throw new Error(message); };
const look = (name) => lookAt(p, shots, `mornings-${name}`);
const journal = async () => (await (await p.request.get(base + '/api/journal')).json()).sessions;  // signed in

const tests = {
  async 'the journal offers the morning check-in and saves it to the latest session'() {
    await p.goto(base + '/#/journal');
    const form = p.locator('form.morning');
    await form.waitFor();
    await p.getByRole('slider', { name: 'Sleep' }).fill('8');
    await p.getByRole('slider', { name: 'Heel pain' }).fill('2');
    await look('checkin');
    await form.getByRole('button', { name: 'Save this morning' }).click();
    await p.getByRole('status').filter({ hasText: 'Morning saved' }).waitFor();
    const sessions = await journal();
    const latest = sessions[sessions.length - 1];
    if (latest.morning.sleep !== 8 || latest.morning.heel_pain !== 2) fail('stored ' + JSON.stringify(latest.morning));
    if (sessions[1].morning.heel_pain !== 7) fail('the older morning changed: ' + JSON.stringify(sessions[1].morning));
  },

  async 'insights shows the mornings by date, with the gap as a gap'() {
    await p.getByRole('link', { name: 'See it on Insights' }).click();
    const mornings = p.locator('figure.mornings');
    await mornings.locator('.chart canvas').waitFor();
    const rows = await mornings.locator('tbody tr').evaluateAll((all) => all.map((r) => r.textContent));
    if (rows.length !== 2 || !/82$/.test(rows[1]) || !/57$/.test(rows[0])) fail('morning rows: ' + JSON.stringify(rows));
    // Two mornings sixteen days apart: the line breaks once between them.
    if ((await mornings.locator('.chart').getAttribute('data-gaps')) !== '1') fail('the mornings have no gap');
    const first = p.locator('figure.chart-figure').first();
    if ((await first.locator('.chart').getAttribute('data-gaps')) !== '1') fail('before/after has no gap between the sessions');
    await look('insights');
  },

  async 'sore spots show week by week'() {
    const weeks = p.locator('.sore-weeks li');
    const n = await weeks.count();
    if (n < 2 || n > 3) fail(`expected 2 or 3 weeks, got ${n}`);
    const labels = await weeks.locator('svg[role="img"]').first().getAttribute('aria-label');
    if (!/left heel 7 of 10/.test(labels)) fail('first week: ' + labels);
    const last = await weeks.last().locator('svg[role="img"]').first().getAttribute('aria-label');
    if (!/right arch 3 of 10/.test(last) || /heel/.test(last)) fail('last week: ' + last);
    if ((await weeks.last().locator('.area.lit').count()) !== 1) fail('the last week lights more than the arch');
    await p.locator('.sore-weeks').screenshot({ path: join(shots, 'mornings-sore-weeks.png') });
  },

  async 'saving a session shows its change, the streak and tomorrow'() {
    await p.goto(base + '/#/journal');
    await p.getByRole('slider', { name: 'Stress before' }).fill('7');
    await p.getByRole('slider', { name: 'Stress after' }).fill('3');
    await p.getByRole('button', { name: 'Save to my journal' }).click();
    const note = p.getByRole('status').filter({ hasText: 'Saved.' });
    await note.waitFor();
    await note.getByText(/streak|days in a row/).waitFor({ timeout: 10000 }).catch(() => {});  // the streak loads after the save
    const text = await note.textContent();
    if (!text.includes('stress 7 → 3 (-4)')) fail('no change in: ' + text);
    if (!/streak starts today/.test(text)) fail('no streak in: ' + text);  // the last session was days ago
    if (!/Tomorrow morning/.test(text)) fail('no morning offer in: ' + text);
    await look('saved');
    // Today's session has no morning yet, and it is not tomorrow: no check-in offered.
    await p.reload();
    await p.locator('.sessions li').first().waitFor();
    await p.waitForTimeout(500);
    if ((await p.locator('form.morning').count()) !== 0) fail('the morning check-in shows on the evening of the session');
  },
};

await runTests(tests, problems, async () => {
  await browser.close();
  await stop(server.child);
  rmSync(db, { recursive: true, force: true });
}, { chained: true });
