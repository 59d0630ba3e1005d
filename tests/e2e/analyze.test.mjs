// analyze.html in headless Chromium: the three real Quantum Design files
// and the awkward fixtures set on the file input, the numbers shown checked
// against independent ones (tests/data/analysis_fixtures.py, NumPy) and
// against files made in JavaScript with known answers (analyze-data.mjs);
// malformed files give a readable error and the page keeps working; axe
// finds nothing; a 200,000-row file parses in the worker while the page
// keeps drawing; and the page works offline after one visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { launch, open, offlineReady } from './harness.mjs';
import * as made from './analyze-data.mjs';

const ROOT = new URL('../../', import.meta.url);
/** The real files, as the Rust tests find them: ../shared/fixtures from the repository root. */
const fixture = (name) => fileURLToPath(new URL(`../shared/fixtures/quantum-design/${name}`, ROOT));
const own = (name) => fileURLToPath(new URL(`tests/data/readers/${name}`, ROOT));
const EXPECTED = JSON.parse(await readFile(new URL('tests/data/analysis_fixtures.json', ROOT), 'utf8'));

let env;
let scratch;
before(async () => {
  env = await launch();
  scratch = await mkdtemp(path.join(tmpdir(), 'ktao-analyze-'));
});
after(async () => {
  await env?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function openPage(options) {
  const opened = await open(env, 'analyze.html', options);
  await opened.page.waitForFunction(() => document.body.dataset.ready === 'true');
  return opened;
}

const draws = (page) => page.$eval('#result', (r) => Number(r.dataset.draws ?? 0));
const reads = (page) => page.evaluate(() => Number(document.body.dataset.reads ?? 0));

/** Sets `file` (a path, or { name, mimeType, buffer }) on the input; resolves once it is read and, if it reads, drawn. */
async function give(page, file) {
  const [r, d] = [await reads(page), await draws(page)];
  await page.setInputFiles('#file', file);
  await page.waitForFunction((n) => Number(document.body.dataset.reads ?? 0) > n, r, { timeout: 120_000 });
  if (await page.$eval('#alert', (a) => a.textContent === '' || a.hidden)) {
    await page.waitForFunction((n) => Number(document.getElementById('result').dataset.draws ?? 0) > n, d);
  }
}

/** Waits for the next drawing after `act()`. */
async function redraw(page, act) {
  const d = await draws(page);
  await act();
  await page.waitForFunction((n) => Number(document.getElementById('result').dataset.draws ?? 0) > n, d);
}

const facts = (page) => page.$$eval('#file-facts dd', (dds) => Object.fromEntries(dds.map((d) => [d.dataset.fact, d.textContent])));
const readouts = (page) => page.$$eval('#readouts tr', (trs) => Object.fromEntries(
  trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent])));
const alertText = (page) => page.$eval('#alert', (a) => (a.hidden ? '' : a.textContent));

const SUP = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
/** "(9.221 ± 0.077) × 10⁻⁷ emu" → { value, error }. */
function num(text) {
  const m = text.replace('−', '-').match(/^\(?(-?[\d.]+)(?: ± ([\d.]+))?\)?(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?/);
  assert.ok(m, `a number in "${text}"`);
  const scale = m[3] ? 10 ** Number([...m[3]].map((c) => SUP[c]).join('')) : 1;
  return { value: Number(m[1]) * scale, error: m[2] ? Number(m[2]) * scale : NaN };
}
const within = (what, got, truth, sigmas = 3) => assert.ok(Math.abs(got.value - truth) < sigmas * got.error,
  `${what}: ${got.value} ± ${got.error}, true ${truth}`);

async function axeClean(page) {
  const axe = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`), []);
}

async function downloadOf(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), body: await readFile(await dl.path()) };
}

test('the page loads clean, under the CSP, keyboard-operable, and axe finds nothing', async () => {
  const { page, problems, context } = await openPage();
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(csp, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'/);
  assert.equal(await page.$$eval('script:not([src]), style, [style]', (e) => e.length), 0, 'no inline script or style');
  // The drop zone is a button: Tab reaches it, Enter opens the file chooser.
  // (Once the service worker, which installs when the library is ready, has
  // taken the page: Chromium dropped a file chooser asked for while it
  // claimed the page, a few hundred milliseconds after load.)
  await offlineReady(page, ['pkg/files/ktao_bg.wasm']);
  let reached = false;
  for (let i = 0; i < 6 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'drop');
  }
  assert.ok(reached, 'Tab reaches the drop zone');
  // Enter opens the file chooser. Chromium can still drop the first one on
  // a loaded machine (once, in a CI clone), so a second Enter is
  // allowed, as a reader would press it again; two dropped in a row fail.
  const choose = () => Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), page.keyboard.press('Enter')]);
  const [chooser] = await choose().catch(() => choose());
  assert.ok(chooser, 'Enter opens the file chooser');
  await axeClean(page);
  // The front page links here.
  const front = await open(env, './', { context });
  assert.ok(await front.page.$('a[href="analyze.html"]'));
  assert.deepEqual([...problems, ...front.problems], []);
  await context.close();
});

test('MPMS3 m–H loop: instrument, rows, M_s against NumPy, the window, exports, axe', async () => {
  const { page, problems, context } = await openPage({ scale: 1 });
  await give(page, fixture('mpms3-vsm-mh.dat'));
  const f = await facts(page);
  assert.equal(f.instrument, 'MPMS3 (SQUID-VSM)');
  assert.equal(f.rows, '1,122');
  assert.equal(f.format, 'Quantum Design MultiVu .dat');
  assert.equal(await page.$eval('#analysis', (s) => s.value), 'loop');
  assert.equal(await page.$eval('#column-field', (s) => s.value), 'Magnetic Field (Oe)');
  assert.equal(await page.$eval('#column-moment', (s) => s.value), 'Moment (emu)');
  // Three loops at 2, 2.5 and 3 K: the first is analysed.
  assert.deepEqual(await page.$$eval('#segment option', (o) => o.map((x) => x.value)), ['0-1122', '0-374', '374-748', '748-1122']);
  assert.equal(await page.$eval('#segment', (s) => s.value), '0-374');
  const want = EXPECTED['mpms3-vsm-mh.dat'].loop;
  let r = await readouts(page);
  const ms = num(r['M_s, saturation moment']);
  assert.ok(Math.abs(ms.value / want.msEmu - 1) < 0.01, `M_s ${ms.value} vs NumPy ${want.msEmu}`);
  within('H_c (NumPy)', num(r['H_c, coercive field']), want.hcOe, 2);
  assert.equal(r['saturation field used'], '49000 Oe');
  assert.match(await page.$eval('#notes', (n) => n.textContent), /is not linear/);
  assert.match(await page.$eval('#summary', (s) => s.textContent), /saturates at M_s = /);
  await axeClean(page);

  // The window: a saturation field of 60 kOe is used and changes M_s.
  await redraw(page, async () => { await page.fill('#options input[name=hSatOe]', '60000'); await page.press('#options input[name=hSatOe]', 'Enter'); });
  r = await readouts(page);
  assert.equal(r['saturation field used'], '60000 Oe');
  assert.notEqual(num(r['M_s, saturation moment']).value, ms.value);

  const csv = (await downloadOf(page, '.export-csv')).body.toString('utf8').trimEnd().split('\n');
  assert.match(csv[0], /^# ktao analyze: m–H loop.*mpms3-vsm-mh\.dat.*rows 1–374.*hSatOe = 60000 Oe/);
  assert.deepEqual(csv[1].split(','), ['H (Oe)', 'm (emu)', 'H - H0 (Oe)', 'm corrected (emu)', 'm fitted high-field model (emu)']);
  assert.equal(csv.length - 2, 374);
  assert.ok(csv.slice(2).every((l) => l.split(',').every((v) => Number.isFinite(Number(v)))));
  // The data table (the drawing's text alternative) holds what the CSV holds.
  await page.click('#table-toggle');
  assert.equal(await page.$eval('#table-toggle', (b) => b.getAttribute('aria-expanded')), 'true');
  const table = await page.$eval('#data-table', (t) => ({
    caption: t.caption.textContent,
    head: [...t.tHead.rows[0].cells].map((c) => c.textContent),
    rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => Number(c.textContent))),
  }));
  assert.match(table.caption, /^mpms3-vsm-mh\.dat, m–H loop/);
  assert.deepEqual(table.head, csv[1].split(','));
  assert.equal(table.rows.length, 374);
  const first = csv[2].split(',').map(Number);
  table.rows[0].forEach((v, i) => assert.ok(Math.abs(v - first[i]) <= 1e-5 * Math.abs(first[i]), `column ${i}: ${v} vs ${first[i]}`));
  // A long file's table stops at its first rows and says so.
  const capped = await page.evaluate(async () => {
    const { showTable } = await import('./js/dom.js');
    const t = document.createElement('table');
    showTable(t, { caption: 'c', columns: [{ name: 'x', unit: 'K', values: new Float64Array(5000) }] }, 2000);
    return [t.tBodies[0].rows.length, t.caption.textContent];
  });
  assert.deepEqual(capped, [2000, 'c (the first 2,000 of 5,000 rows)']);
  await axeClean(page);
  const json = JSON.parse((await downloadOf(page, '.export-json')).body.toString('utf8'));
  assert.equal(json.file.instrument, 'MPMS3');
  assert.deepEqual(json.rows, [0, 374]);
  assert.deepEqual(json.options.hSatOe, { value: 60000, unit: 'Oe' });
  assert.equal(json.results.ms.unit, 'emu');
  assert.equal(json.results.hc.unit, 'Oe');
  assert.ok(Math.abs(json.results.ms.value - num((await readouts(page))['M_s, saturation moment']).value) < 1e-3 * json.results.ms.value);
  const png = await downloadOf(page, '.export-png');
  assert.equal(png.body.toString('latin1', 1, 4), 'PNG');
  const cw = await page.$eval('#canvas', (c) => c.clientWidth);
  assert.equal(png.body.readUInt32BE(16), 2 * cw, 'PNG at twice the shown size');
  const svg = (await downloadOf(page, '.export-svg')).body.toString('utf8');
  assert.ok(svg.startsWith('<svg') && svg.includes('μ_B per interface unit cell'));

  // The other view and another loop redraw.
  await redraw(page, () => page.selectOption('#options select[name=view]', 'raw'));
  assert.match(await page.$eval('#summary', (s) => s.textContent), /as measured/);
  await redraw(page, () => page.selectOption('#segment', '374-748'));
  assert.equal((await page.evaluate(() => window.ktaoAnalyze.rows)).join('-'), '374-748');
  assert.deepEqual(problems, []);
  await context.close();
});

test('PPMS Hall channel: no Hall slope, said with NumPy\'s slope and error', async () => {
  const { page, problems, context } = await openPage();
  await give(page, fixture('ppms-resistivity-tmr-hall.dat'));
  const f = await facts(page);
  assert.equal(f.instrument, 'PPMS Resistivity');
  assert.equal(f.rows, '1,401');
  assert.equal(await page.$eval('#analysis', (s) => s.value), 'hall');
  assert.equal(await page.$eval('#column-hall', (s) => s.value), 'Bridge 2 Resistance (Ohms)');
  const check = async (k) => {
    const want = EXPECTED['ppms-resistivity-tmr-hall.dat'].hall[k];
    const text = await alertText(page);
    const m = text.match(/Hall slope (-?[\d.e-]+) ± ([\d.e-]+) Ω\/T is not distinguishable from zero/);
    assert.ok(m, text);
    assert.ok(Math.abs(Number(m[1]) / want.slopeOhmPerT - 1) < 1e-9, `${m[1]} vs ${want.slopeOhmPerT}`);
    assert.ok(Math.abs(Number(m[2]) / want.slopeError - 1) < 1e-9, `${m[2]} vs ${want.slopeError}`);
  };
  await check(0);
  await redraw(page, () => page.selectOption('#segment', '199-600'));
  await check(1);
  // The page keeps working: exports are off, and another analysis of the same file draws.
  assert.ok(await page.$eval('.export-csv', (b) => b.disabled));
  await axeClean(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('MPMS-XL ZFC run: one branch, its maximum against NumPy', async () => {
  const { page, problems, context } = await openPage();
  await give(page, fixture('mpms-xl-zfc.dc.dat'));
  const f = await facts(page);
  assert.equal(f.instrument, 'MPMS-XL');
  assert.equal(f.rows, '42');
  assert.equal(await page.$eval('#analysis', (s) => s.value), 'zfc-fc');
  assert.equal(await page.$eval('#column-moment', (s) => s.value), 'Long Moment (emu)');
  assert.equal(await page.$eval('#fc-rows', (s) => s.value), '');
  const r = await readouts(page);
  const want = EXPECTED['mpms-xl-zfc.dc.dat'].zfc;
  assert.ok(Math.abs(Number(r['ZFC maximum at'].split(' ')[0]) - want.peakK) < 1e-3, r['ZFC maximum at']);
  assert.equal(r['points: ZFC · FC'], `${want.rows} · 0`);
  assert.match(await page.$eval('#notes', (n) => n.textContent), /one branch/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the awkward fixtures read as the reader tests say', async () => {
  const { page, problems, context } = await openPage();
  const cases = [
    ['mpms3-dc-latin1-crlf.dat', { instrument: 'MPMS3 (SQUID-VSM)', rows: '4', encoding: 'Windows-1252, CRLF line ends' }],
    ['eto-two-channels-bom-truncated.dat', { instrument: 'PPMS ETO', rows: '4', 'skipped-rows': '1', encoding: 'UTF-8 with BOM, LF line ends' }],
    ['iv-koe-ua.tsv', { format: 'TSV', instrument: 'not stated', rows: '4' }],
    ['semicolon-decimal-comma.csv', { format: 'CSV', rows: '3', 'skipped-rows': '1' }],
  ];
  for (const [name, want] of cases) {
    await give(page, own(name));
    const f = await facts(page);
    for (const [k, v] of Object.entries(want)) assert.equal(f[k], v, `${name}: ${k}`);
    assert.match(f.file, new RegExp(name.replace('.', '\\.')));
  }
  // The DC-mode MPMS3 file: its moment is the fixed-centre DC moment, and the reader says so.
  await give(page, own('mpms3-dc-latin1-crlf.dat'));
  assert.match(await page.$eval('#file-warnings', (w) => w.textContent), /Moment \(emu\) is empty/);
  await page.selectOption('#analysis', 'zfc-fc');
  assert.equal(await page.$eval('#column-moment', (s) => s.value), 'DC Moment Fixed Ctr (emu)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('files made from the textbook formulas give back their parameters', async () => {
  const { page, problems, context } = await openPage();
  const put = async (f) => {
    const file = path.join(scratch, f.name);
    await writeFile(file, f.text);
    await give(page, file);
    assert.equal(await alertText(page), '', f.name);
  };
  const hall = made.hallFile();
  await put(hall);
  assert.equal(await page.$eval('#analysis', (s) => s.value), 'hall');
  let r = await readouts(page);
  const n = num(r['n, sheet density (electrons)']);
  within('n / 10¹³ cm⁻²', n, hall.truth.nCm2 / 1e13);
  assert.equal(r['R_s (the column near zero field)'], '1200 Ω/□');
  assert.ok(r['μ, Hall mobility'].endsWith('cm²/(V·s)'));

  const rt = made.rtFile();
  await put(rt);
  assert.equal(await page.$eval('#analysis', (s) => s.value), 'rt');
  r = await readouts(page);
  within('T_BKT', num(r['T_BKT, Halperin–Nelson fit']), rt.truth.tBkt);
  within('b', num(r['b, vortex-core constant']), rt.truth.b);
  await redraw(page, () => page.selectOption('#options select[name=view]', 'halperin-nelson'));
  await redraw(page, async () => { await page.fill('#options input[name=tMinK]', '1.95'); await page.press('#options input[name=tMinK]', 'Enter'); });
  r = await readouts(page);
  assert.match(r['fit window'], /^1\.950 to/);
  within('T_BKT in a narrower window', num(r['T_BKT, Halperin–Nelson fit']), rt.truth.tBkt);

  const iv = made.ivFile();
  await put(iv);
  assert.equal(await page.$eval('#analysis', (s) => s.value), 'iv');
  r = await readouts(page);
  assert.equal(r['curves (set points)'], '13');
  assert.ok(Math.abs(num(r['T_BKT, where α = 3']).value - iv.truth.tBkt) < 0.005, r['T_BKT, where α = 3']);

  const angle = made.hc2AngleFile();
  await put(angle);
  assert.equal(await page.$eval('#analysis', (s) => s.value), 'hc2-angle');
  r = await readouts(page);
  assert.equal(r['preferred (AIC)'], '2D Tinkham');
  within('H_c2⟂', num(r['2D Tinkham: μ₀H_c2⟂']), angle.truth.hPerp);
  within('H_c2∥', num(r['2D Tinkham: μ₀H_c2∥']), angle.truth.hPar);

  const gl = made.hc2TemperatureFile();
  await put(gl);
  assert.equal(await page.$eval('#analysis', (s) => s.value), 'hc2-temperature');
  assert.equal(await page.$eval('#column-hPerp', (s) => s.value), 'Hc2 perp (T)');
  assert.equal(await page.$eval('#column-hPar', (s) => s.value), 'Hc2 par (T)');
  r = await readouts(page);
  within('ξ_GL', num(r['ξ_GL(0), coherence length']), gl.truth.xiNm);
  within('d_sc', num(r['d_sc, superconducting thickness']), gl.truth.dNm);
  await axeClean(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a malformed file shows a readable error and the page keeps working', async () => {
  const { page, problems, context } = await openPage();
  const bad = [
    [{ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) }, /photo\.png could not be read: .*binary file/],
    [{ name: 'empty.dat', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, /empty\.dat could not be read: .*no content/],
    [{ name: 'header-only.csv', mimeType: 'text/csv', buffer: Buffer.from('Temperature (K),Resistance (Ohm)\n') }, /header-only\.csv could not be read: .*no data rows/],
    [{ name: 'no-data.dat', mimeType: 'text/plain', buffer: Buffer.from('[Header]\nBYAPP,MPMS3\nTITLE,x\n') }, /no \[Data\] section/],
  ];
  for (const [file, message] of bad) {
    await give(page, file);
    assert.match(await alertText(page), message);
    assert.equal(await page.$eval('#alert', (a) => a.getAttribute('role')), 'alert');
  }
  // A good file after them reads and draws, and the error is gone.
  await give(page, fixture('mpms3-vsm-mh.dat'));
  assert.equal(await alertText(page), '');
  assert.ok((await readouts(page))['M_s, saturation moment']);
  // A column not chosen is named.
  await redraw(page, () => page.selectOption('#column-moment', ''));
  assert.match(await alertText(page), /Choose a column for Moment m/);
  // A column in the wrong kind of unit is refused by name.
  await redraw(page, () => page.selectOption('#column-moment', 'Temperature (K)'));
  assert.match(await alertText(page), /Moment m must be a column in emu.*Temperature \(K\) is in K/);
  await redraw(page, () => page.selectOption('#column-moment', 'Moment (emu)'));
  assert.equal(await alertText(page), '');
  await axeClean(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a 200,000-row MPMS3 file parses in the worker while the page keeps drawing', async () => {
  // The benchmark's large file: the fixture's header and column names, then
  // its data rows repeated to 200,000 (crate/examples/bench.rs).
  const text = await readFile(fixture('mpms3-vsm-mh.dat'), 'latin1');
  const lines = text.split('\n');
  const names = lines.findIndex((l) => l.trim() === '[Data]') + 1;
  const rows = lines.slice(names + 1).filter((l) => l);
  const out = lines.slice(0, names + 1);
  for (let i = 0; i < 200_000; i++) out.push(rows[i % rows.length]);
  const file = path.join(scratch, 'mpms3-200k.dat');
  await writeFile(file, `${out.join('\n')}\n`, 'latin1');

  const { page, problems, context } = await openPage();
  // Count animation frames while the file is read.
  await page.evaluate(() => {
    window.frames200k = { during: 0 };
    const tick = () => {
      if (document.body.dataset.reading === 'true') window.frames200k.during += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await give(page, file);
  const f = await facts(page);
  assert.equal(f.rows, '200,000');
  const during = await page.evaluate(() => window.frames200k.during);
  assert.ok(during >= 3, `the page drew ${during} frames while the worker parsed`);
  // And the analysis of its first loop is drawn.
  assert.ok(num((await readouts(page))['M_s, saturation moment']).value > 0.9);
  assert.deepEqual(problems, []);
  await context.close();
});

test('after one visit the page and its worker work offline', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  const { page } = await openPage({ context });
  await offlineReady(page, ['js/analyze/worker.js', 'pkg/files/ktao_bg.wasm', 'js/analyze/analyses/loop.js']);
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.goto(new URL('analyze.html', env.server.url).href);
  await offline.waitForFunction(() => document.body.dataset.ready === 'true');
  await give(offline, fixture('mpms-xl-zfc.dc.dat'));
  assert.equal((await facts(offline)).rows, '42');
  assert.ok((await readouts(offline))['ZFC maximum at']);
  await context.close();
});
