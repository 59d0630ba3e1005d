// The page shell's checks, run on every figure in the registry: clean load,
// drawing, every control, exports, URL state, text alternative, keyboard,
// focus rings and axe. A new figure gets all of them by being registered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { FIGURES } from '../../www/js/figures/index.js';
import { launch, open, waitForDraw, waitForRedraw, draws, inkFraction, canvasHash } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const text = (page, sel) => page.$eval(sel, (e) => e.textContent);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  assert.equal(buf.toString('latin1', 1, 4), 'PNG', 'a PNG signature');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

async function downloadOf(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), body: await readFile(await dl.path()) };
}

test('the front page lists every figure with its paper number', async () => {
  const { page, problems, context } = await open(env, './');
  await page.locator('#figures li').first().waitFor();
  const cards = await page.$$eval('#figures a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.deepEqual(cards.map((c) => c[0]), Object.keys(FIGURES).map((id) => `${id}.html`));
  for (const [id, f] of Object.entries(FIGURES)) assert.ok(cards.some((c) => c[1].includes(f.paper)), id);
  const axe = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [id, entry] of Object.entries(FIGURES)) {
  const path = `${id}.html`;

  test(`${entry.paper} (${id}): clean load, CSP, drawing, text alternative and axe`, async () => {
    const { page, problems, context } = await open(env, path);
    await waitForDraw(page);
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    assert.match(csp, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'/);
    assert.equal(await page.$$eval('script:not([src]), style, [style]', (e) => e.length), 0, 'no inline script or style in the markup');
    // The first draw waits for the slowest request: with every module and
    // the wasm preloaded (or a script of the head) there is one round of
    // requests, not an import chain.
    // (A worker's script is fetched by the worker: a page cannot preload it.)
    const preloaded = await page.$$eval('link[rel=modulepreload], link[rel=preload], head script[src]', (ls) => ls.map((l) => l.href ?? l.src));
    const fetched = await page.evaluate((fid) => {
      const drawn = performance.getEntriesByName(`ktao-first-draw:${fid}`)[0].startTime;
      return performance.getEntriesByType('resource')
        .filter((e) => e.startTime < drawn && /\.(m?js|wasm)$/.test(new URL(e.name).pathname))
        .filter((e) => !new URL(e.name).pathname.includes('/workers/'))
        .map((e) => e.name);
    }, id);
    assert.deepEqual(fetched.filter((u) => !preloaded.includes(u)), [], 'the page preloads every module and wasm of its first draw');
    const ink = await inkFraction(page);
    assert.ok(ink > 0.01 && ink < 0.6, `ink ${ink}`);
    const described = await page.$eval('.ktao-figure canvas', (c) => document.getElementById(c.getAttribute('aria-describedby'))?.textContent ?? '');
    assert.ok(described.length > 40, `canvas summary: "${described}"`);
    assert.ok(await page.$eval('.ktao-figure canvas', (c) => c.getAttribute('aria-label')?.includes(':')));
    await page.click('.ktao-table-toggle');
    assert.ok(await page.$$eval('.ktao-data tbody tr', (r) => r.length) > 3, 'the data table has rows');
    assert.ok(await page.isVisible('.cite') && (await text(page, '.cite')).includes('Ning'));
    assert.ok(await page.$('math'), 'the teaching text has its equation in MathML');
    const axe = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${entry.paper} (${id}): every control changes the figure and its readout; paper values restore it`, async () => {
    const { page, problems, context } = await open(env, path);
    await waitForDraw(page);
    const start = { hash: await canvasHash(page), text: await text(page, '.ktao-readouts') };
    const names = await page.$$eval('.ktao-controls [name]:not([name$="-exact"])', (es) => es.map((e) => e.name));
    assert.ok(names.length > 0);
    for (const name of names) {
      const ctl = page.locator(`.ktao-controls [name="${name}"]`);
      const kind = await ctl.evaluate((e) => (e.tagName === 'SELECT' ? 'select' : e.type));
      const b = { hash: await canvasHash(page), text: await text(page, '.ktao-readouts'), n: await draws(page) };
      await ctl.focus();
      if (kind === 'range') {
        const atMax = await ctl.evaluate((e) => Number(e.value) === Number(e.max));
        await page.keyboard.press(atMax ? 'Home' : 'End');
      } else if (kind === 'checkbox') await page.keyboard.press('Space');
      else await ctl.selectOption({ index: (await ctl.evaluate((e) => e.selectedIndex) + 1) % (await ctl.evaluate((e) => e.options.length)) });
      await waitForRedraw(page, b.n);
      assert.notEqual(await canvasHash(page), b.hash, `${name} changes the drawing`);
      assert.notEqual(await text(page, '.ktao-readouts'), b.text, `${name} changes the readout`);
    }
    const n = await draws(page);
    await page.click('.ktao-reset');
    await waitForRedraw(page, n);
    assert.equal(await text(page, '.ktao-readouts'), start.text);
    assert.equal(await canvasHash(page), start.hash);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${entry.paper} (${id}): keyboard reach, focus rings and the focus readout`, async () => {
    const { page, problems, context } = await open(env, path);
    await waitForDraw(page);
    const wanted = await page.$$eval('.ktao-figure input, .ktao-figure button, .ktao-figure select, .ktao-figure canvas, .exports button', (es) => es.length);
    const reached = new Set();
    for (let i = 0; i < wanted + 12; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || !e.closest('.ktao-figure, .exports')) return null;
        const s = getComputedStyle(e);
        return { key: `${e.tagName}:${e.name ?? ''}:${e.className}:${e.textContent.slice(0, 20)}`, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
      });
      if (info) { assert.ok(info.outline, `visible focus ring on ${info.key}`); reached.add(info.key); }
    }
    assert.equal(reached.size, wanted, 'every control, the canvas and each export button is reachable by Tab');
    await page.focus('.ktao-figure canvas');
    await page.keyboard.press('ArrowRight');
    assert.match(await text(page, '.ktao-pointer'), /=/, 'the focus readout names the point');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${entry.paper} (${id}): PNG, SVG and CSV exports download and parse`, async () => {
    const { page, problems, context } = await open(env, path, { scale: 1 });
    await waitForDraw(page);
    const [cw, ch] = await page.$eval('.ktao-figure canvas', (c) => [c.clientWidth, c.clientHeight]);
    const png = await downloadOf(page, '.export-png');
    assert.equal(png.name, `ktao-${id}.png`);
    assert.deepEqual(pngSize(png.body), [2 * cw, 2 * ch], 'PNG at twice the shown size');
    const svg = await downloadOf(page, '.export-svg');
    const svgText = svg.body.toString('utf8');
    const parsed = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName,
        curves: doc.querySelectorAll('polyline, path').length };
    }, svgText);
    assert.equal(parsed.error, null);
    assert.equal(parsed.root, 'svg');
    assert.ok(parsed.curves >= 2, `SVG curves: ${parsed.curves}`);
    const csv = (await downloadOf(page, '.export-csv')).body.toString('utf8').trimEnd().split('\n');
    assert.match(csv[0], /^# ktao .*https?:\/\//, 'comment line with parameters and the page URL');
    const expected = await page.evaluate(() => {
      const h = document.querySelector('.ktao-figure').ktao;
      const cols = (h.fig.csv ?? h.fig.table)(h.result()).columns;
      return { header: cols.map((c) => `${c.name} (${c.unit})`), rows: Math.max(...cols.map((c) => c.values.length)) };
    });
    assert.deepEqual(csv[1].split(','), expected.header, 'the stated columns, with units');
    const rows = csv.slice(2).map((l) => l.split(','));
    assert.equal(rows.length, expected.rows, 'the stated rows');
    assert.ok(rows.every((r) => r.length === expected.header.length));
    assert.ok(rows.every((r) => r.every((v) => v === '' || Number.isFinite(Number(v)))));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${entry.paper} (${id}): a link with state reproduces the readouts; a bad link falls back visibly`, async () => {
    const { page, problems, context } = await open(env, path);
    await waitForDraw(page);
    const slider = page.locator('.ktao-controls input[type=range]').first();
    await slider.focus();
    const n = await draws(page);
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await waitForRedraw(page, n);
    await page.waitForTimeout(50);
    const url = page.url();
    assert.match(url, /#v=1&/);
    const wanted = await text(page, '.ktao-readouts');
    const other = await open(env, url.slice(url.indexOf(path)), { context });
    await waitForDraw(other.page);
    assert.equal(await text(other.page, '.ktao-readouts'), wanted);
    const moved = await slider.getAttribute('name');
    assert.equal(await other.page.$eval(`.ktao-controls [name="${moved}"]`, (e) => e.value), await slider.inputValue(),
      'the control shows the value from the link');
    const bad = await open(env, `${path}#v=1&${(await slider.getAttribute('name')).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}=abc&bogus=1`, { context });
    await waitForDraw(bad.page);
    assert.match(await text(bad.page, '.ktao-note'), /is not a number.*unknown setting "bogus"/);
    const old = await open(env, `${path}#v=0&x=1`, { context });
    await waitForDraw(old.page);
    assert.match(await text(old.page, '.ktao-note'), /version 0/);
    assert.ok(await inkFraction(old.page) > 0.01);
    assert.deepEqual([...problems, ...other.problems, ...bad.problems, ...old.problems], []);
    await context.close();
  });
}
