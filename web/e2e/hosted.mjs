// Browser test of hosted mode (`plantar serve --store postgresql://...`):
// at phone width, a logged-out person who opens the Journal or Insights is
// taken to the login screen and back; a person signs up, logs a session in
// the Journal, makes a share code; a therapist signs up in another browser,
// adds the code and sees the client's card; the client stops sharing and the
// card is gone; the client changes the password (the old one stops working,
// and a browser elsewhere that was filling in the Journal logs in again and
// finds its form as it left it), logs out, and opening the Journal asks to
// log in again.
// The real server on a throwaway PostgreSQL database and Debian's Chromium;
// axe and screenshots through look().
// Usage: node e2e/hosted.mjs PLANTAR_BINARY SCREENSHOT_DIR URI_FILE  (exit 77: no PostgreSQL)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { launch, look as lookAt, runTests, serve, stop, watchedPage } from './support.mjs';

const [binary, shots = 'e2e-screenshots', uriFile] = process.argv.slice(2);
if (!binary || !uriFile) throw new Error('usage: node e2e/hosted.mjs PLANTAR_BINARY SCREENSHOT_DIR URI_FILE');
if (!existsSync(uriFile)) {
  console.log('SKIP: no PostgreSQL for the tests (scripts/with-postgres start wrote no URI)');
  process.exit(77);
}
const serverUri = readFileSync(uriFile, 'utf8').trim();
const name = `hosted_e2e_${process.pid}`;
execFileSync('psql', [serverUri, '-qc', `CREATE DATABASE ${name}`]);
const uri = serverUri.replace('/postgres?', `/${name}?`);

const browser = await launch();
const server = await serve(binary, { after: ['--store', uri] });
const base = server.url;
const problems = [];
const client = await watchedPage(browser, new Set([base]), problems);
const therapist = await watchedPage(browser, new Set([base]), problems);
const fail = (message) => { throw new Error(message); };
let code = '';

/// Fills in the login form and presses `button` (Log in or Sign up).
async function fillLogin(p, email, password, button = 'Log in') {
  await p.getByLabel('Email').fill(email);
  await p.getByLabel(/^Password/).fill(password);
  await p.getByRole('button', { name: button }).click();
}

async function signUp(p, email, shot) {
  await p.goto(base + '/#/account');
  await p.getByRole('heading', { name: 'Log in or sign up' }).waitFor();
  if (shot) await lookAt(p, shots, 'hosted-sign-up');
  await fillLogin(p, email, 'a long password', 'Sign up');
  await p.getByRole('heading', { name: 'Your account' }).waitFor();
  const who = await p.locator('main').textContent();
  if (!who.includes(`Logged in as ${email}`)) fail('not logged in: ' + who);
}

const tests = {
  async 'the journal asks to log in first'() {
    const answer = await client.request.get(base + '/api/journal');
    if (answer.status() !== 401) fail(`GET /api/journal without a session gave ${answer.status()}`);
  },

  async 'the home screen shows where to log in'() {
    await client.goto(base + '/');
    await client.locator('header').getByRole('link', { name: 'Log in' }).click();
    await client.getByRole('heading', { name: 'Log in or sign up' }).waitFor();
    await lookAt(client, shots, 'hosted-sign-up');
  },

  async 'logged out, the Journal and Insights take a person to the login screen'() {
    await client.goto(base + '/#/insights');
    await client.getByRole('heading', { name: 'Log in or sign up' }).waitFor();
    if (!client.url().endsWith('#/account/insights')) fail('not sent to log in: ' + client.url());
    await client.goto(base + '/#/journal');
    await client.getByRole('heading', { name: 'Log in or sign up' }).waitFor();
    if (!client.url().endsWith('#/account/journal')) fail('not sent to log in: ' + client.url());
    await client.getByText('Log in to see your journal').waitFor();
    if (await client.getByText(/Something went wrong|log in first/).count()) fail('an error shows instead of the login');
    await lookAt(client, shots, 'hosted-journal-logged-out');
  },

  async 'a person signs up at phone width and lands on the Journal they opened'() {
    await fillLogin(client, 'ann@example.org', 'a long password', 'Sign up');
    await client.getByRole('heading', { name: 'Journal', exact: true }).waitFor();
    if (!client.url().endsWith('#/journal')) fail('not back on the journal: ' + client.url());
    await client.locator('header').getByRole('link', { name: 'My account' }).waitFor();
    const cookie = (await client.context().cookies()).find((c) => c.name === 'plantar_account');
    if (!cookie?.httpOnly || cookie.sameSite !== 'Strict') fail('the session cookie is not HttpOnly and Strict');
  },

  async 'the More screen says where the journal is kept'() {
    await client.goto(base + '/#/more');
    await client.getByText('your journal is kept on its server, for your account only').waitFor();
    if (await client.getByText('Nothing you enter leaves it').count()) fail('hosted mode claims to be local');
  },

  async 'a wrong password is refused in plain words'() {
    const other = await watchedPage(browser, new Set([base]), problems);
    await other.goto(base + '/#/account');
    await fillLogin(other, 'ann@example.org', 'not the password');
    const alert = await other.getByRole('alert').textContent();
    if (!alert.includes('do not match')) fail('no clear refusal: ' + alert);
    await other.context().close();
  },

  async 'the person logs a session in the journal'() {
    await client.goto(base + '/#/journal');
    await client.getByRole('slider', { name: 'Stress before' }).fill('7');
    await client.getByRole('slider', { name: 'Stress after' }).fill('3');
    await client.getByRole('button', { name: 'Save to my journal' }).click();
    await client.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const stored = await (await client.request.get(base + '/api/journal')).json();
    if (stored.sessions.length !== 1) fail('the journal holds ' + stored.sessions.length + ' sessions');
  },

  async 'the person makes a share code for a therapist'() {
    await client.goto(base + '/#/account');
    await client.getByRole('button', { name: 'Make a share code' }).click();
    code = (await client.locator('.share-code').textContent()).trim();
    if (!/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(code)) fail('no share code: ' + code);
    await client.locator('.shares li').first().waitFor();
    await lookAt(client, shots, 'hosted-share');
  },

  async 'the therapist adds the code and sees the card'() {
    await signUp(therapist, 'theo@example.org', false);
    await therapist.getByLabel("A client's share code").fill(code.toLowerCase());
    await therapist.getByRole('button', { name: 'Add client' }).click();
    await therapist.getByRole('heading', { name: 'ann@example.org' }).waitFor();
    await therapist.locator('.client-card').waitFor();
    const card = await therapist.locator('.client').textContent();
    if (!card.includes('Safety check')) fail('no card: ' + card);
    await lookAt(therapist, shots, 'hosted-clients');
    // The code works once.
    await therapist.getByLabel("A client's share code").fill(code);
    await therapist.getByRole('button', { name: 'Add client' }).click();
    const alert = await therapist.getByRole('alert').textContent();
    if (!alert.includes('used already')) fail('a used code was taken again: ' + alert);
  },

  async 'the person stops sharing and the card is gone'() {
    await client.reload();
    const row = client.locator('.shares li').filter({ hasText: 'shared with theo@example.org' });
    await row.getByRole('button', { name: 'Stop sharing' }).click();
    await client.locator('.shares li').filter({ hasText: 'revoked' }).waitFor();
    await therapist.reload();
    await therapist.getByText('No clients have shared with you yet.').waitFor();
  },

  async 'the person changes the password; a wrong current one is refused'() {
    const elsewhere = await watchedPage(browser, new Set([base]), problems);
    await elsewhere.goto(base + '/#/account');
    await fillLogin(elsewhere, 'ann@example.org', 'a long password');
    await elsewhere.getByRole('heading', { name: 'Your account' }).waitFor();
    await elsewhere.goto(base + '/#/journal');
    await elsewhere.getByRole('slider', { name: 'Stress before' }).fill('5');
    await elsewhere.getByLabel('A note (optional)').fill('typed before the session ended');

    await client.goto(base + '/#/account');
    await client.getByRole('heading', { name: 'Change my password' }).waitFor();
    await client.getByLabel('Current password').fill('not my password');
    await client.getByLabel(/^New password/).fill('a newer long password');
    await client.getByRole('button', { name: 'Change password' }).click();
    const alert = await client.getByRole('alert').textContent();
    if (!alert.includes('not your current password')) fail('a wrong current password was not refused: ' + alert);
    await client.getByLabel('Current password').fill('a long password');
    await client.getByRole('button', { name: 'Change password' }).click();
    await client.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    await lookAt(client, shots, 'hosted-password');
    // This browser stays in; the other one was logged out.
    if ((await client.request.get(base + '/api/journal')).status() !== 200) fail('the changing browser was logged out');
    if ((await elsewhere.request.get(base + '/api/journal')).status() !== 401) fail('the other browser is still logged in');
    // There, the next save meets the ended session: to the login screen, not an error.
    await elsewhere.getByRole('button', { name: 'Save to my journal' }).click();
    await elsewhere.getByRole('heading', { name: 'Log in or sign up' }).waitFor();
    if (!elsewhere.url().endsWith('#/account/journal')) fail('not sent to log in: ' + elsewhere.url());
    // Logged in again, the Journal comes back as it was left (a draft in
    // sessionStorage), and saving it works.
    await fillLogin(elsewhere, 'ann@example.org', 'a newer long password');
    await elsewhere.getByRole('heading', { name: 'Journal', exact: true }).waitFor();
    const note = elsewhere.getByLabel('A note (optional)');
    if ((await note.inputValue()) !== 'typed before the session ended') fail('the note was lost: ' + (await note.inputValue()));
    const stress = await elsewhere.getByRole('slider', { name: 'Stress before' }).getAttribute('aria-valuetext');
    if (stress !== '5 of 10') fail('the rating was lost: ' + stress);
    await lookAt(elsewhere, shots, 'hosted-journal-draft-after-login');
    await elsewhere.getByRole('button', { name: 'Save to my journal' }).click();
    await elsewhere.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await elsewhere.getByText('“typed before the session ended”').waitFor();
    // Saved, the draft is gone: the form is empty again, even after a reload.
    await elsewhere.reload();
    await elsewhere.getByRole('heading', { name: 'Journal', exact: true }).waitFor();
    if ((await elsewhere.getByLabel('A note (optional)').inputValue()) !== '') fail('the draft outlived its save');
    // A draft is its account's: when the session ends (here the cookie goes)
    // and someone else logs in on this tab, they find an empty form.
    await elsewhere.getByLabel('A note (optional)').fill("ann's private note");
    await elsewhere.context().clearCookies();
    await elsewhere.getByRole('button', { name: 'Save to my journal' }).click();
    await elsewhere.getByRole('heading', { name: 'Log in or sign up' }).waitFor();
    await fillLogin(elsewhere, 'cora@example.org', 'a long password', 'Sign up');
    await elsewhere.getByRole('heading', { name: 'Journal', exact: true }).waitFor();
    await elsewhere.getByText('Nothing recorded yet.').waitFor();  // Cora's own journal, loaded
    if ((await elsewhere.getByLabel('A note (optional)').inputValue()) !== '') fail("another account's draft shows");
    await elsewhere.context().close();
  },

  async 'after logging out, Insights asks to log in, with the new password only'() {
    await client.getByRole('button', { name: 'Log out' }).click();
    await client.getByRole('heading', { name: 'Log in or sign up' }).waitFor();
    await client.locator('header').getByRole('link', { name: 'Log in' }).waitFor();
    await client.goto(base + '/#/insights');
    await client.getByRole('heading', { name: 'Log in or sign up' }).waitFor();
    await fillLogin(client, 'ann@example.org', 'a long password');
    const alert = await client.getByRole('alert').textContent();
    if (!alert.includes('do not match')) fail('the old password still works: ' + alert);
    await client.getByLabel(/^Password/).fill('a newer long password');
    await client.getByRole('button', { name: 'Log in' }).click();
    await client.getByRole('heading', { name: 'Insights' }).waitFor();
    if (!client.url().endsWith('#/insights')) fail('not back on insights: ' + client.url());
    await client.locator('section.insights').waitFor();  // the person's own sessions, loaded
    if (await client.getByText('Nothing to show yet').count()) fail('insights do not show the saved session');
    await lookAt(client, shots, 'hosted-insights-after-login');
  },
};

await runTests(tests, problems, async () => {
  await browser.close();
  await stop(server.child);
  execFileSync('psql', [serverUri, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}, { chained: true, expected: /the server responded with a status of (401|409)/ });
