// Browser test of Next pressed while the voice is still coming in (issue 13).
// The test holds the voice's answers and files (Playwright routes) and lets
// them through one by one, so each case happens in the same order on every
// run instead of by chance:
// - Next past the session's opening while its file is still loading: the
//   guide stays on that step and waits for the voice there, then speaks from
//   there (it used to fall back to "Getting ready" at 0:00, paused);
// - Next past the opening after the whole file came: the whole file takes
//   over at once (it used to wait for ever).
// The real `plantar serve` and Debian's Chromium at phone width.
// Usage: node e2e/early_playback.mjs PLANTAR_BINARY [SCREENSHOT_DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, runTests, serve, stop, watchedPage } from './support.mjs';

const [binary] = process.argv.slice(2);
if (!binary) throw new Error('usage: node e2e/early_playback.mjs PLANTAR_BINARY [SCREENSHOT_DIR]');
const db = mkdtempSync(join(tmpdir(), 'plantar-e2e-early-'));
const browser = await launch(['--autoplay-policy=no-user-gesture-required']);
const server = await serve(binary, { after: ['--db', db], env: { XDG_CACHE_HOME: join(db, 'cache') } });
const base = server.url;
const problems = [];
const fail = (message) => { throw new Error(message); };

/// A door the test opens: requests wait at it until then.
function door() {
  let open;
  const opened = new Promise((resolve) => { open = resolve; });
  return { open, opened };
}

/// `promise`, or a failure saying `message` after `ms`.
function within(promise, ms, message) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/// A guide page whose voice answers (the opening's, the whole file's) and the
/// opening's audio file each wait at a door. Resolves with the page, its
/// doors, the timeline and what the opening answer said.
async function guidePage(rate) {
  const p = await watchedPage(browser, new Set([base]), problems);
  const doors = { opening: door(), openingFile: door(), whole: door() };
  const arrived = door();  // the opening's answer reached the test
  const seen = { timeline: null, opening: null, arrived: arrived.opened };
  const voice = (first) => (url) => url.pathname === '/api/audio' && url.searchParams.has('first') === first;
  await p.route(voice(true), async (route) => {
    const response = await route.fetch();
    seen.opening = await response.json();
    arrived.open();
    await doors.opening.opened;
    await route.fulfill({ response, json: seen.opening });
  });
  await p.route(voice(false), async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await doors.whole.opened;
    await route.fulfill({ response, body });
  });
  await p.route((url) => url.pathname.startsWith('/api/audio/'), async (route) => {
    if (seen.opening?.first && route.request().url().endsWith(seen.opening.first.url)) await doors.openingFile.opened;
    await route.continue();
  });
  p.on('response', async (r) => { if (r.url().endsWith('/api/timeline')) seen.timeline = await r.json(); });
  await p.goto(base + '/#/guide/bedtime');
  await p.locator('main h1', { hasText: 'Before you start' }).waitFor({ timeout: 30000 });
  await p.getByLabel('Speaking speed').selectOption(String(rate));  // a voice not made before
  return { p, doors, seen };
}

/// The first step that starts after the session's opening ends, and how many
/// presses of Next reach it.
function pastOpening(seen) {
  if (!seen.timeline || !seen.opening?.first) fail('no timeline or opening answer was seen');
  const openingMs = seen.opening.first.seconds * 1000;
  const index = seen.timeline.steps.findIndex((s) => s.start_ms > openingMs);
  if (index < 0) fail(`no step starts after the opening (${openingMs} ms)`);
  return { step: seen.timeline.steps[index], presses: index + 1 };
}

const audioState = (p) => p.evaluate(() => {
  const a = document.querySelector('audio#session-audio');
  return a && { part: a.dataset.part, paused: a.paused, t: a.currentTime, src: a.getAttribute('src') };
});

async function pressNext(p, times) {
  for (let i = 0; i < times; i++) await p.getByRole('button', { name: 'Next step' }).click();
}

const pages = [];
const tests = {
  async 'Next past the opening while its file loads: the guide waits on that step, then speaks from there'() {
    const { p, doors, seen } = await guidePage(0.9);
    pages.push(p);
    await p.getByRole('button', { name: 'Start the session' }).click();
    await p.locator('main h1', { hasText: 'Getting ready' }).waitFor();
    // The opening answers; its file is still held, so the play it starts is pending.
    await within(seen.arrived, 120000, 'the opening never came');
    doors.opening.open();
    await p.waitForFunction(() => document.querySelector('audio#session-audio')?.dataset.part === 'first' &&
      !!document.querySelector('audio#session-audio')?.getAttribute('src'));
    const { step, presses } = pastOpening(seen);
    await pressNext(p, presses);
    const wrong = async () => fail(`after Next the guide shows '${await p.locator('main h1').innerText()}', not '${step.title}': ${JSON.stringify(await audioState(p))}`);
    await p.locator('main h1', { hasText: step.title }).waitFor({ timeout: 10000 }).catch(wrong);
    await p.waitForTimeout(1000);  // the aborted play's answer arrives in this time
    if ((await p.locator('main h1').innerText()) !== step.title) await wrong();
    await p.getByText('Getting the voice ready').waitFor();
    // The rest comes: the voice takes up at that step.
    doors.openingFile.open();
    doors.whole.open();
    await p.waitForFunction((s) => { const a = document.querySelector('audio#session-audio'); return a?.dataset.part === 'whole' && !a.paused && a.currentTime >= s; },
      step.start_ms / 1000 - 0.5, { timeout: 120000 }).catch(async () => fail(`the voice did not take up at the step: ${JSON.stringify(await audioState(p))}`));
    if (await p.getByText('No voice this time').count()) fail('the session went silent');
  },

  async 'Next past the opening after the whole file came: the whole file takes over at once'() {
    const { p, doors, seen } = await guidePage(1.1);
    pages.push(p);
    doors.opening.open();
    doors.openingFile.open();
    await p.getByRole('button', { name: 'Start the session' }).click();
    // The opening plays, slowed down to a tenth so that it is still playing
    // when the whole file comes, however long that takes to make here ...
    await p.waitForFunction(() => { const a = document.querySelector('audio#session-audio'); return a?.dataset.part === 'first' && a.currentTime > 0; }, null, { timeout: 120000 });
    await p.evaluate(() => { const a = document.querySelector('audio#session-audio'); a.playbackRate = 0.1; a.defaultPlaybackRate = 0.1; });
    // ... the whole file's answer arrives while it plays ...
    const whole = p.waitForResponse((r) => { const u = new URL(r.url()); return u.pathname === '/api/audio' && !u.searchParams.has('first'); }, { timeout: 120000 });
    doors.whole.open();
    await whole;
    await p.waitForTimeout(200);  // handed to the clock in the same task; a margin all the same
    const before = await audioState(p);
    if (before.part !== 'first' || before.paused) fail(`the opening was not playing when the whole file came: ${JSON.stringify(before)}`);
    // ... and Next goes past the opening's end.
    const { step, presses } = pastOpening(seen);
    await pressNext(p, presses);
    await p.waitForFunction((s) => { const a = document.querySelector('audio#session-audio'); return a?.dataset.part === 'whole' && !a.paused && a.currentTime >= s; },
      step.start_ms / 1000 - 0.5, { timeout: 20000 }).catch(async () => fail(`the whole file did not take over: ${JSON.stringify(await audioState(p))}`));
    const title = await p.locator('main h1').innerText();
    if (title !== step.title) fail(`the guide shows '${title}', not '${step.title}'`);
  },
};

await runTests(tests, problems, async () => {
  for (const p of pages) await p.close().catch(() => undefined);
  await browser.close();
  await stop(server.child);
  rmSync(db, { recursive: true, force: true });
});
