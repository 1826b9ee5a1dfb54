// Browser tests of the Ask, Card and Places screens against the real
// `plantar serve`, with the Liechtenstein extract and a few made-up places
// near Vaduz imported into a temporary --db folder first: a question gets an
// answer with an evidence grade, a typed town and "Use my location" give a
// list, the plot and the OSM attribution, the card previews and downloads
// as a PDF; axe serious/critical = 0 in light and dark, screenshots at phone
// and desktop sizes, no console errors, nothing fetched from elsewhere.
// First run: a server with no data gets Liechtenstein from a download
// server that this test runs on 127.0.0.1 (PLANTAR_OSM_SOURCE).
// Usage: node e2e/extras.mjs PLANTAR_BINARY SCREENSHOT_DIR
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, look, runTests, serve, sizes, stop, watchedPage } from './support.mjs';

const [binary, shots = 'e2e-screenshots'] = process.argv.slice(2);
if (!binary) throw new Error('usage: node e2e/extras.mjs PLANTAR_BINARY [SCREENSHOT_DIR]');
const extract = fileURLToPath(new URL('../../../shared/data/osm/liechtenstein-2013-08-03.osm.pbf', import.meta.url));
// The extract sits in ../shared beside the project; a checkout without it
// gets Vaduz as a made-up town instead (at its real position).
const haveExtract = existsSync(extract);
if (!haveExtract) console.log(`note: no ${extract}; Vaduz comes from the made-up places`);

const towns = ` <node id="5" lat="47.1416" lon="9.5215"><tag k="place" v="town"/><tag k="name" v="Vaduz"/></node>
 <node id="6" lat="47.1650" lon="9.5090"><tag k="place" v="town"/><tag k="name" v="Schaan"/></node>`;
// Places for massage near Vaduz (the extract has none); one is always open.
const places = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="plantar-e2e">
 <node id="1" lat="47.1400" lon="9.5220"><tag k="shop" v="massage"/><tag k="name" v="Fuss &amp; Hand Massage"/>
  <tag k="addr:street" v="Städtle"/><tag k="addr:housenumber" v="12"/><tag k="addr:city" v="Vaduz"/><tag k="opening_hours" v="24/7"/>
  <tag k="phone" v="+423 000 00 00"/><tag k="website" v="www.example.org"/><tag k="wheelchair" v="yes"/></node>
 <node id="2" lat="47.1500" lon="9.5100"><tag k="healthcare" v="alternative"/><tag k="healthcare:speciality" v="reflexology"/>
  <tag k="name" v="Reflex Praxis"/><tag k="opening_hours" v="Mo,We 14:00-20:00"/></node>
 <node id="3" lat="47.1660" lon="9.5100"><tag k="healthcare" v="podiatrist"/><tag k="name" v="Podologie Schaan"/></node>
 <node id="4" lat="47.1200" lon="9.5400"><tag k="healthcare" v="physiotherapist"/><tag k="name" v="Physio am Berg"/><tag k="opening_hours" v="Mo-Fr 08:00-12:00"/></node>
${haveExtract ? '' : towns}
</osm>
`;
const db = mkdtempSync(join(tmpdir(), 'plantar-e2e-'));
writeFileSync(join(db, 'near-vaduz.osm'), places);
const imports = [['places', 'import', join(db, 'near-vaduz.osm'), '--region', 'test']];
if (haveExtract) imports.unshift(['places', 'import', extract]);
for (const args of imports) {
  const run = spawnSync(binary, ['--db', db, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`plantar ${args.join(' ')}: ${run.stderr}`);
}

// The download server: europe/liechtenstein-latest.osm.pbf (the made-up
// places and towns, written as PBF by osmium), its .md5 and an index-v1.json.
const osmRoot = mkdtempSync(join(tmpdir(), 'plantar-e2e-osm-'));
mkdirSync(join(osmRoot, 'europe'));
writeFileSync(join(osmRoot, 'region.osm'), haveExtract ? places.replace('</osm>', towns + '\n</osm>') : places);
const pbf = join(osmRoot, 'europe', 'liechtenstein-latest.osm.pbf');
const converted = spawnSync('osmium', ['cat', join(osmRoot, 'region.osm'), '-o', pbf, '--overwrite'], { encoding: 'utf8' });
if (converted.status !== 0) throw new Error('osmium cat: ' + converted.stderr);
writeFileSync(pbf + '.md5', createHash('md5').update(readFileSync(pbf)).digest('hex') + '  liechtenstein-latest.osm.pbf\n');
const square = [[[9.47, 47.04], [9.64, 47.04], [9.64, 47.28], [9.47, 47.28], [9.47, 47.04]]];
writeFileSync(join(osmRoot, 'index-v1.json'), JSON.stringify({
  type: 'FeatureCollection',
  features: [{
    type: 'Feature',
    properties: { id: 'liechtenstein', parent: 'europe', name: 'Liechtenstein', urls: { pbf: 'https://download.geofabrik.de/europe/liechtenstein-latest.osm.pbf' } },
    geometry: { type: 'MultiPolygon', coordinates: [square] },
  }],
}));
const osmServer = createServer((req, res) => {
  const file = join(osmRoot, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(osmRoot + '/') || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Length': statSync(file).size });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => osmServer.listen(0, '127.0.0.1', resolve));
process.env.PLANTAR_OSM_SOURCE = `http://127.0.0.1:${osmServer.address().port}`;
process.env.XDG_CACHE_HOME = join(osmRoot, 'cache');

/// Fails unless the top `need` px of `locator` (all of it when smaller) are on the phone screen, above the tab bar.
async function inView(p, locator, what, need = 40) {
  const box = await locator.boundingBox();
  const bottom = await p.evaluate(() => innerHeight - (document.querySelector('header nav')?.getBoundingClientRect().height ?? 0));
  if (!box || box.y < 0 || box.y + Math.min(box.height, need) > bottom) throw new Error(`${what} is not in view: ${JSON.stringify(box)}, visible down to ${bottom}`);
}
const focusedText = (p) => p.evaluate(() => document.activeElement?.textContent ?? '');

const browser = await launch();
const local = await serve(binary, { before: ['--db', db] });
const base = local.url;
const origins = new Set([base]);
const problems = [];
const page = (options) => watchedPage(browser, origins, problems, options);
const expectHeading = (p, text) => p.locator('main h1', { hasText: text }).waitFor({ timeout: 10000 });

const tests = {
  async 'ask: an answer with an evidence grade, safety first, and an honest no'() {
    const p = await page();
    await p.goto(base + '/#/more');
    await p.getByRole('link', { name: 'Ask', exact: true }).click();
    await expectHeading(p, 'Ask');
    await look(p, shots, 'ask-empty');
    await p.getByLabel('Your question').fill('does reflexology work');
    await p.getByRole('button', { name: 'Ask', exact: true }).click();
    await p.locator('.answer').first().waitFor();
    if (!(await p.locator('.answer .badge').count())) throw new Error('no evidence grade on the answers');
    await inView(p, p.locator('.answer').first(), 'the first answer', 240);
    if ((await focusedText(p)) !== (await p.locator('.answer h2').first().innerText())) throw new Error('focus is not on the first answer: ' + (await focusedText(p)));
    await look(p, shots, 'ask-answer');
    await p.getByRole('link', { name: 'Is it OK with diabetes?' }).click();
    await p.locator('.answer.safety').first().waitFor();
    await look(p, shots, 'ask-safety');
    await p.goto(base + '/#/ask/' + encodeURIComponent('quantum teleportation'));
    await p.getByRole('heading', { name: 'No good answer' }).waitFor();
    await look(p, shots, 'ask-no-answer');
  },

  async 'places: a typed town gives a list, a plot and the attribution'() {
    const p = await page();
    await p.goto(base + '/#/places');
    await expectHeading(p, 'Places near you');
    await p.getByLabel('Or a town or village').fill('Vaduz');
    await p.getByRole('button', { name: 'Search' }).click();
    await p.locator('.places li').first().waitFor();
    const items = await p.locator('.places li').count();
    if (items !== 4) throw new Error(`expected the 4 places, got ${items}`);
    const first = await p.locator('.places li').first().innerText();
    if (!/Fuss & Hand Massage/.test(first) || !/Open now/.test(first)) throw new Error('first place: ' + first);
    if (!(await p.locator('.placeplot svg[role=img] .plot-place').count())) throw new Error('no plot');
    const link = await p.getByRole('link', { name: /On openstreetmap.org/ }).first().getAttribute('href');
    if (link !== 'https://www.openstreetmap.org/node/1') throw new Error('OSM link ' + link);
    if (!/OpenStreetMap contributors/.test(await p.locator('.attribution').innerText())) throw new Error('no attribution');
    await look(p, shots, 'places-vaduz');
    await p.setViewportSize(sizes.desktop);
    await p.locator('.placeplot').screenshot({ path: join(shots, 'places-plot.png') });
    await p.setViewportSize(sizes.phone);
    await p.getByRole('button', { name: 'Podiatrists' }).click();
    await p.waitForFunction(() => document.querySelectorAll('.places li').length === 1);
    await p.getByRole('button', { name: 'Podiatrists' }).click();
    await p.getByLabel('Open now').check();
    await p.waitForFunction(() => document.querySelectorAll('.places li').length >= 1 && !document.querySelector('[role=status]'));
    for (const text of await p.locator('.places li').allInnerTexts())
      if (!/Open now/.test(text)) throw new Error('open now shows a closed place: ' + text);
    await look(p, shots, 'places-open-now');
  },

  async 'places: use my location, and a name nobody knows'() {
    const p = await page({ geolocation: { latitude: 47.1660, longitude: 9.5100 }, permissions: ['geolocation'] });
    await p.goto(base + '/#/places');
    await p.getByRole('button', { name: 'Use my location' }).click();
    await p.locator('.places li').first().waitFor();
    const first = await p.locator('.places li').first().innerText();
    if (!/Podologie Schaan/.test(first)) throw new Error('nearest to Schaan: ' + first);
    const before = problems.length;
    await p.getByLabel('Or a town or village').fill('Atlantis');
    await p.getByRole('button', { name: 'Search' }).click();
    await p.getByRole('alert').filter({ hasText: 'Atlantis' }).waitFor();
    await inView(p, p.getByRole('heading', { name: /Atlantis/ }), 'the error');
    if (/LAT,LON|WHERE|at:/.test(await p.getByRole('alert').innerText())) throw new Error('the error speaks like the CLI');
    // Chromium logs the expected 400 answer as a console error: that one is no problem.
    const logged = problems.splice(before);
    problems.push(...logged.filter((s) => !/status of 400/.test(s)));
    if (logged.length !== 1) throw new Error('expected one 400 in the console, got: ' + logged.join('; '));
    await look(p, shots, 'places-unknown');
    // A misspelt town: "did you mean" is a button that searches.
    const again = problems.length;
    await p.getByLabel('Or a town or village').fill('Schan');
    await p.getByRole('button', { name: 'Search' }).click();
    await p.getByRole('button', { name: 'Schaan', exact: true }).click();
    await p.getByRole('heading', { name: /near Schaan/ }).waitFor();
    problems.push(...problems.splice(again).filter((s) => !/status of 400/.test(s)));
    await inView(p, p.locator('.places li').first(), 'the first place near Schaan', 200);
  },

  async 'card: choose parts, preview, download the PDF'() {
    const p = await page({ acceptDownloads: true });
    await p.goto(base + '/#/more');
    await p.getByRole('link', { name: 'Therapist card', exact: true }).click();
    await expectHeading(p, 'Therapist card');
    await p.locator('img.card-preview').waitFor();
    await p.waitForFunction(() => { const i = document.querySelector('img.card-preview'); return i && i.complete && i.naturalWidth > 0; });
    await look(p, shots, 'card');
    await p.getByLabel('How you felt before and after').uncheck();
    const src = await p.locator('img.card-preview').getAttribute('src');
    if (/trend/.test(decodeURIComponent(src))) throw new Error('unchecked part still asked for: ' + src);
    await p.getByText('The card as text').click();
    await p.getByText('No health conditions were reported').waitFor();
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'Download PDF' }).click()]);
    const bytes = readFileSync(await download.path());
    if (bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error('the download is not a PDF');
    if (!/^plantar-card-.*\.pdf$/.test(download.suggestedFilename())) throw new Error('file name ' + download.suggestedFilename());
    for (const label of ['Cautions from your safety check', 'Sore spots (last 30 days)', 'Your goals', 'Your home routine'])
      await p.getByLabel(label).uncheck();
    await p.getByText('Choose at least one part').waitFor();
    // A safety check saved on this device puts its cautions on the card.
    await p.evaluate(() => localStorage.setItem('plantar.check', JSON.stringify({ conditions: [{ id: 'diabetes' }], at: Date.now() })));
    await p.reload();
    await p.getByText('The cautions follow your safety check').waitFor();
    await p.getByText('The card as text').click();
    await p.getByText(/^Diabetes: /).waitFor();
    await look(p, shots, 'card-with-check');
  },

  async 'keyboard only: ask a question and find places'() {
    const p = await page();
    const focused = () => p.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
    await p.goto(base + '/#/ask');
    await expectHeading(p, 'Ask');
    await p.waitForFunction(() => document.activeElement?.tagName === 'H1');  // focus starts on the heading
    await p.keyboard.press('Tab');
    if ((await focused()) !== 'question') throw new Error('Tab from the heading should reach the question, reached ' + (await focused()));
    await p.keyboard.type('how hard should I press');
    await p.keyboard.press('Enter');
    await p.locator('.answer').first().waitFor();
    await p.goto(base + '/#/places');
    await expectHeading(p, 'Places near you');
    await p.locator('#place').waitFor();
    await p.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await p.keyboard.press('Tab');
    if ((await focused()) !== 'Use my location') throw new Error('expected Use my location, reached ' + (await focused()));
    await p.keyboard.press('Tab');
    if ((await focused()) !== 'place') throw new Error('expected the place box, reached ' + (await focused()));
    await p.keyboard.type('Vaduz');
    await p.keyboard.press('Enter');
    await p.locator('.places li').first().waitFor();
  },

  async 'places, first run: get the region for my position, results in view'() {
    const empty = mkdtempSync(join(tmpdir(), 'plantar-e2e-empty-'));
    const other = await serve(binary, { before: ['--db', empty] });
    try {
      origins.add(other.url);
      const p = await page({ geolocation: { latitude: 47.1410, longitude: 9.5210 }, permissions: ['geolocation'] });
      await p.goto(other.url + '/#/places');
      await p.getByRole('heading', { name: 'Get places for your area' }).waitFor();
      await look(p, shots, 'places-first-run');
      // A typed name finds it too.
      await p.getByLabel('Or your country or region').fill('liecht');
      await p.getByRole('button', { name: 'Find', exact: true }).click();
      await p.getByRole('heading', { name: 'Regions with that name' }).waitFor();
      await p.getByRole('button', { name: /Get Liechtenstein/ }).waitFor();
      await p.getByRole('button', { name: 'Find my area' }).click();
      await p.getByRole('heading', { name: 'Your area', exact: true }).waitFor();
      await p.getByRole('button', { name: /Get Liechtenstein/ }).click();
      await p.locator('.places li').first().waitFor({ timeout: 60000 });
      await inView(p, p.locator('.near h2'), 'the results heading');
      await inView(p, p.locator('.places li').first(), 'the first place', 200);
      const first = await p.locator('.places li').first().innerText();
      if (!/Fuss & Hand Massage/.test(first)) throw new Error('nearest after the download: ' + first);
      for (const name of [/Call/, /Directions/]) if (!(await p.getByRole('link', { name }).count())) throw new Error('no link ' + name);
      if (!/^tel:\+?\d+$/.test(await p.getByRole('link', { name: /Call/ }).first().getAttribute('href'))) throw new Error('bad tel: link');
      if (!/Today: /.test(first) || !/Wheelchair/.test(first)) throw new Error('no hours for today or wheelchair access: ' + first);
      await look(p, shots, 'places-after-get');
      // Nothing of the chosen kinds: said plainly, with a wider radius and the way to add a place.
      await p.getByRole('button', { name: 'Saunas' }).click();
      await p.getByRole('heading', { name: /No saunas within 25 km/ }).waitFor();
      await inView(p, p.getByRole('heading', { name: /No saunas/ }), 'the empty answer');
      await p.getByRole('link', { name: 'Add it to OpenStreetMap' }).waitFor();
      await p.getByRole('button', { name: 'Look within 50 km' }).click();
      await p.getByRole('heading', { name: /No saunas within 50 km/ }).waitFor();
      await look(p, shots, 'places-none-of-kind');
    } finally {
      await stop(other.child);
      rmSync(empty, { recursive: true, force: true });
    }
  },
};

await runTests(tests, problems, async () => {
  await browser.close();
  await stop(local.child);
  osmServer.close();
  rmSync(db, { recursive: true, force: true });
  rmSync(osmRoot, { recursive: true, force: true });
});
