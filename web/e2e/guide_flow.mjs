// Browser test of a whole evening: the safety check (none of these) → the 5-minute
// before-bed plan → the guided session with its rendered voice, sped up 16
// times through the audio's playback rate → the after-ratings and a sore spot
// in the journal → a chart and its words in Insights. The real `plantar
// serve --db TEMPDIR` and Debian's Chromium; axe-core (no serious or
// critical violations, light and dark) and screenshots at phone and desktop
// sizes on every screen; no console errors. Usage: node e2e/guide_flow.mjs
// PLANTAR_BINARY SCREENSHOT_DIR
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, look as lookAt, runTests, serve, stop } from './support.mjs';

const [binary, shots = 'e2e-screenshots'] = process.argv.slice(2);
if (!binary) throw new Error('usage: node e2e/guide_flow.mjs PLANTAR_BINARY [SCREENSHOT_DIR]');
const db = mkdtempSync(join(tmpdir(), 'plantar-e2e-'));
const browser = await launch(['--autoplay-policy=no-user-gesture-required']);
// An empty sentence cache too (the server does not warm up): the first session's voice is cold.
const server = await serve(binary, { after: ['--db', db], env: { XDG_CACHE_HOME: join(db, 'cache') } });
const base = server.url;
const problems = [];

const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
await context.addInitScript(() => { if (!localStorage.getItem('plantar.testSpeed')) localStorage.setItem('plantar.testSpeed', '16'); });
const p = await context.newPage();
p.on('console', (m) => { if (m.type() === 'error') problems.push(`${p.url()}: ${m.text()}`); });
p.on('pageerror', (e) => problems.push(`${p.url()}: ${e.message}`));
p.on('request', (r) => { if (new URL(r.url()).origin !== base && !r.url().startsWith('data:')) problems.push(`third-party request: ${r.url()}`); });

const fail = (message) => { throw new Error(message); };
let opened = 0;

const look = (name) => lookAt(p, shots, name);

const heading = () => p.locator('main h1').innerText();
const expectHeading = (text, timeout = 10000) => p.locator('main h1', { hasText: text }).waitFor({ timeout });

const steps = {
  async 'empty journal and insights'() {
    await p.goto(base + '/#/insights');
    await p.getByText('Nothing to show yet').waitFor();
    await look('insights-empty');
    await p.goto(base + '/#/journal');
    await p.getByText('Nothing recorded yet').waitFor();
    await p.goto(base + '/#/guide');
    await p.getByText('Pick a routine first').waitFor();
  },

  async 'check, then the before-bed plan'() {
    await p.goto(base + '/#/check');
    await p.getByRole('button', { name: 'None of these' }).click();  // the check's one list
    await expectHeading(/Good to go/);
    await p.goto(base + '/#/');
    await p.getByRole('link', { name: /5 minutes before bed/ }).click();  // Home starts it in two taps
    await expectHeading('Before you start');
    opened = Date.now();  // the guide asks for its voice as its screen opens
  },

  async 'the guided session runs to the end'() {
    await look('guide-before');
    const stress = p.getByRole('slider', { name: 'Stress' });
    await stress.focus();
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowRight');
    if ((await stress.inputValue()) !== '7') fail('the before slider did not move to 7');
    // Cold: nothing of this voice is made yet. Start at once; the guide speaks
    // as soon as the session's opening is ready, then goes on with the whole file.
    const start = p.getByRole('button', { name: 'Start the session' });
    const clicked = Date.now();
    await start.click();
    // Time to first audio: from the tap on Start to the voice's clock moving.
    await p.waitForFunction(() => (document.querySelector('audio')?.currentTime ?? 0) > 0, null, { timeout: 60000 });
    const firstAudio = (Date.now() - clicked) / 1000;
    console.log(`      time to first audio, cold: ${firstAudio.toFixed(2)} s after Start (target: 3 s); ` +
      `${((Date.now() - opened) / 1000).toFixed(2)} s after the guide's screen opened (a tap on Start at once)`);
    await p.waitForFunction(() => document.querySelector('audio')?.dataset.part === 'whole', null, { timeout: 120000 }).catch(async () => {
      const state = await p.evaluate(() => { const a = document.querySelector('audio'); return a && { src: a.getAttribute('src'), t: a.currentTime, part: a.dataset.part, paused: a.paused, ended: a.ended }; });
      fail(`the whole voice never took over: ${JSON.stringify(state)}; ${await p.locator('.notice').allInnerTexts()}`);
    });
    console.log(`      the whole voice took over ${((Date.now() - clicked) / 1000).toFixed(1)} s after Start`);
    // Real time while the session is left and reloaded, so most of it is still to come.
    await p.evaluate(() => { const a = document.querySelector('audio'); a.playbackRate = 1; a.defaultPlaybackRate = 1; });
    // Focused mode: no tab bar, one clear way out; the intro in words, never "Step 0".
    if (await p.locator('header nav').isVisible()) fail('the tab bar shows during the session');
    if (/Step 0/.test(await p.locator('.where').innerText())) fail('the guide says "Step 0"');
    const fine = await p.evaluate(() => matchMedia('(any-pointer: fine)').matches);
    if (!fine && (await p.getByText('Keys: space').count())) fail('keyboard hints without a keyboard');
    // Leave for Learn: the mini-player keeps the session going, and returns to it.
    await p.getByRole('link', { name: /Leave the guide/ }).click();
    await p.getByRole('link', { name: 'Learn', exact: true }).click();
    await expectHeading('Learn');
    const mini = p.getByRole('complementary', { name: 'Guided session' });
    await mini.waitFor();
    const t0 = await p.evaluate(() => document.querySelector('audio').currentTime);
    await p.waitForTimeout(700);
    const t1 = await p.evaluate(() => document.querySelector('audio').currentTime);
    if (!(t1 > t0)) fail(`the audio stopped on another screen (${t0} → ${t1})`);
    if (!/left/.test(await mini.innerText())) fail('the mini-player shows no time left: ' + (await mini.innerText()));
    await look('mini-player');
    await mini.getByRole('button', { name: 'Pause' }).click();
    await mini.getByRole('button', { name: 'Play' }).click();
    await mini.getByRole('link', { name: 'Return' }).click();
    await p.locator('.controls').waitFor();
    // A reload mid-session offers to resume where it was, with the before-ratings kept.
    const at = await p.evaluate(() => document.querySelector('audio').currentTime);
    await p.reload();
    const resume = p.getByRole('button', { name: /^Resume at/ });
    await resume.waitFor({ timeout: 30000 });
    if ((await p.getByRole('slider', { name: 'Stress' }).inputValue()) !== '7') fail('the before-rating was lost on reload');
    await look('guide-resume');
    const resumed = Date.now();
    await resume.click();
    await p.waitForFunction((t) => (document.querySelector('audio')?.currentTime ?? 0) >= t - 1, at, { timeout: 10000 });
    const t2 = await p.evaluate(() => document.querySelector('audio').currentTime);
    await p.waitForFunction((t) => document.querySelector('audio').currentTime > t, t2, { timeout: 10000 });
    console.log(`      time to first audio, warm: ${((Date.now() - resumed) / 1000).toFixed(2)} s after Resume (target: 1 s)`);
    const titles = new Set(), counts = new Set();
    let looked = false, skipped = false;
    const deadline = Date.now() + 120000;
    while (!(await p.locator('main h1', { hasText: 'Well done' }).count())) {
      if (Date.now() > deadline) fail(`the session did not end; saw ${[...titles].join(', ')}`);
      const title = await heading().catch(() => '');
      titles.add(title);
      counts.add(await p.locator('.countdown').innerText().catch(() => ''));
      if (!looked && titles.size >= 3) {
        looked = true;
        await p.getByRole('button', { name: 'Pause' }).click();
        await p.getByRole('button', { name: 'Play' }).waitFor();
        await p.waitForTimeout(200);
        const paused = await p.locator('.countdown').innerText();
        await p.waitForTimeout(600);
        if ((await p.locator('.countdown').innerText()) !== paused) fail('the countdown moved while paused');
        const voiced = await p.evaluate(() => { const a = document.querySelector('audio'); return !!a && a.currentTime > 0 && a.playbackRate === 16; });
        if (!voiced) fail('the session is not following the audio');
        if (await p.getByText('No voice this time').count()) fail('the voice was not used');
        const lockScreen = await p.evaluate(() => navigator.mediaSession?.metadata?.title);
        if (lockScreen !== (await heading())) fail(`the lock screen shows '${lockScreen}', not the step`);
        await look('guide-running');
        await p.getByRole('button', { name: 'Play' }).click();
      }
      if (looked && !skipped) {
        skipped = true;
        const before = await heading();
        await p.locator('main h1').click();  // the keys act on the page, not on a button
        await p.keyboard.press('ArrowRight');
        await p.waitForFunction((t) => document.querySelector('main h1')?.textContent !== t, before, { timeout: 5000 });
      }
      await p.waitForTimeout(150);
    }
    if (titles.size < 4) fail(`the step name changed too little: ${[...titles].join(', ')}`);
    if (counts.size < 8) fail(`the countdown changed too little: ${[...counts].join(', ')}`);
    await look('guide-done');
  },

  async 'after-ratings, a sore spot and a note in the journal'() {
    // The end screen records the after-ratings right there; this time, go to the journal for sore spots too.
    await p.getByRole('heading', { name: 'How do you feel now?' }).waitFor();
    await p.getByRole('link', { name: /Add sore spots or a note in the journal/ }).click();
    await expectHeading('Journal');
    await p.getByText('After your 5-minute guided session').waitFor();
    const after = p.getByRole('slider', { name: 'Stress' });
    await after.focus();
    for (let i = 0; i < 2; i++) await p.keyboard.press('ArrowLeft');  // 5 → 3
    // Tap the map inside the first sole region of the left foot.
    await p.locator('.tap-map svg').first().scrollIntoViewIfNeeded();
    const point = await p.evaluate(() => {
      const svg = document.querySelector('.tap-map svg');
      const path = svg.querySelector('path.area');
      const box = path.getBBox();
      for (let i = 1; i < 400; i++) {
        const x = box.x + ((i * 37) % 100) / 100 * box.width, y = box.y + ((i * 61) % 100) / 100 * box.height;
        if (path.isPointInFill(new DOMPoint(x, y))) {
          const q = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
          return { x: q.x, y: q.y };
        }
      }
      return null;
    });
    if (!point) fail('no point inside a foot region');
    await p.mouse.click(point.x, point.y);
    await p.locator('.tap-map svg[aria-label*="sore spots: left"]').waitFor({ timeout: 3000 }).catch(async () => {
      const hit = await p.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.outerHTML.slice(0, 120), point);
      fail(`tapping the map at ${JSON.stringify(point)} (on ${hit}) marked no sore spot`);
    });
    await p.getByText('Pick sore spots from a list').click();
    await p.getByRole('group', { name: 'right foot' }).getByRole('button', { name: 'Heel', exact: true }).click();
    await p.getByLabel('A note (optional)').fill('calmer, heel still tight');
    await look('journal-after');
    await p.getByRole('button', { name: 'Save to my journal' }).click();
    await p.locator('.saved, .journal-entry [role=alert]').waitFor();
    if (!(await p.locator('.saved').count())) fail('not saved: ' + (await p.locator('.journal-entry [role=alert]').innerText()));
    const stored = await p.evaluate(() => fetch('/api/journal').then((r) => r.json()));
    const s = stored.sessions[0];
    if (stored.sessions.length !== 1 || s.before.stress !== 7 || s.after.stress !== 3 || !s.goals.includes('sleep') || !s.finished || s.sore.length !== 2)
      fail('the journal holds the wrong session: ' + JSON.stringify(s));
    await p.locator('.sessions li').first().waitFor();
    await look('journal-history');
  },

  async 'insights shows a chart and says it honestly'() {
    await p.getByRole('link', { name: 'See how your sessions add up' }).click();
    await expectHeading('Insights');
    await p.locator('.chart canvas').first().waitFor();
    const words = await p.locator('.sayings').innerText();
    if (!/your stress was 4\.0 points lower after than before/.test(words)) fail('unexpected summary: ' + words);
    if (!/not proof/.test(words)) fail('the summary does not say it is no proof');
    if (!(await p.locator('.chart-figure table').count())) fail('the charts have no table');
    await look('insights');
  },

  async 'a session recorded by hand'() {
    await p.goto(base + '/#/journal');
    await p.getByRole('heading', { name: 'Record a session' }).waitFor();
    await p.getByRole('slider', { name: 'Tension before' }).fill('6');
    await p.getByRole('slider', { name: 'Tension after' }).fill('2');
    await p.getByRole('button', { name: 'Save to my journal' }).click();
    await p.locator('.saved').waitFor();
    await p.locator('.sessions li', { hasText: 'tension 6 → 2' }).waitFor();
    if ((await p.locator('.sessions li').count()) !== 2) fail('expected two sessions in the history');
  },

  async 'faster than audio plays, a silent clock with captions'() {
    await p.evaluate(() => localStorage.setItem('plantar.testSpeed', '400'));
    await p.goto(base + '/#/guide');
    await p.getByRole('button', { name: 'Start the session' }).click({ timeout: 60000 });
    await p.getByText('No voice this time').waitFor();
    if (!(await p.locator('.caption').innerText()).trim()) fail('no caption without the voice');
    await expectHeading('Well done', 30000);
  },

  async 'the end screen records the after-ratings, the change, the streak and tomorrow'() {
    const tension = p.getByRole('slider', { name: 'Tension' });
    await tension.fill('1');
    await p.getByRole('button', { name: 'Save how I feel' }).click();
    const note = p.locator('.after-saved');
    await note.waitFor();
    const text = await note.innerText();
    if (!/This session: .*tension/.test(text)) fail('no change for this session: ' + text);
    await note.locator('.streak').waitFor();
    if (!/streak|in a row/.test(await note.innerText())) fail('no streak: ' + (await note.innerText()));
    if (!/Tomorrow morning/.test(text)) fail('no word about tomorrow morning: ' + text);
    await look('guide-done-saved');
    const stored = await p.evaluate(() => fetch('/api/journal').then((r) => r.json()));
    const made = stored.sessions.find((s) => s.after.tension === 1);
    if (stored.sessions.length !== 3 || !made || !made.goals.includes('sleep') || !made.finished) fail('the end screen did not record: ' + JSON.stringify(stored.sessions));
  },
};

await runTests(steps, problems, async () => {
  await browser.close();
  await stop(server.child);
  rmSync(db, { recursive: true, force: true });
}, { chained: true });
