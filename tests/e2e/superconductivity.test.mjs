// The superconductivity pages (Figs. 1b, 1c, 1e–f, S3, S4) in a real browser:
// at the paper's values each shows the paper's numbers, and on Fig. 1b the
// sample switch sets the sliders to that sample's preset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, waitForDraw, waitForRedraw, draws } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The readout rows as { label: value } of the page's figure. */
const readouts = (page) => page.$$eval('.ktao-readouts tr', (trs) => Object.fromEntries(
  trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent])));
const num = (text) => Number(text.replace('−', '-').match(/-?[\d.]+/)[0]);
const near = (got, want, tol, what) => assert.ok(Math.abs(got - want) <= tol, `${what}: ${got}, paper ${want} ± ${tol}`);

test('each page shows the paper\'s numbers at the paper\'s values', async () => {
  const checks = {
    resistive: (r) => {
      const [lOn, , lZero] = r['LAO/KTO (sliders): T_c onset · midpoint · zero'].split('·').map(num);
      const [yOn, , yZero] = r['YAO/KTO (preset): T_c onset · midpoint · zero'].split('·').map(num);
      near(lOn, 2.32, 0.02, 'LAO T_c onset'); near(lZero, 1.66, 0.02, 'LAO T_c zero');
      near(yOn, 2.39, 0.02, 'YAO T_c onset'); near(yZero, 1.70, 0.02, 'YAO T_c zero');
    },
    hall: (r) => {
      near(num(r['LAO/KTO: n (electrons), paper 7.28']), 7.28, 0.0364, 'LAO n / 10¹³ cm⁻²');
      near(num(r['YAO/KTO: n (electrons), paper 14.5']), 14.5, 0.0725, 'YAO n / 10¹³ cm⁻²');
    },
    bkt: (r) => {
      near(num(r['T_BKT, where α = 3']), 1.793, 0.01, 'T_BKT from α = 3');
      const ic = Object.entries(r).find(([k]) => k.startsWith('I_c at 1.40 K'));
      near(num(ic[1]), 79.1, 2, 'I_c at 1.4 K in μA');
    },
    'gl-hc2': (r) => {
      near(num(r['ξ_GL(0) (paper: 22.6 nm)']), 22.6, 1.5, 'ξ_GL');
      near(num(r['d_sc (paper: 8.43 nm)']), 8.43, 0.6, 'd_sc');
      assert.ok(num(r['μ₀H_c2∥(0) / μ₀H_P']) > 1, 'H_c2∥ exceeds the Pauli limit');
    },
    'halperin-nelson': (r) => {
      near(num(r['T_BKT, Halperin–Nelson fit of R(T) (paper: 1.878 K)']), 1.878, 0.02, 'T_BKT from the HN fit');
    },
  };
  for (const [id, check] of Object.entries(checks)) {
    const { page, problems, context } = await open(env, `${id}.html`);
    await waitForDraw(page);
    check(await readouts(page));
    assert.deepEqual(problems, [], id);
    await context.close();
  }
});

test('Fig. 1b: choosing a sample sets the sliders to its preset, from the page and from a link', async () => {
  const { page, problems, context } = await open(env, 'resistive.html');
  await waitForDraw(page);
  const n = await draws(page);
  await page.selectOption('.ktao-controls select[name=preset]', 'YAO/KTO');
  await waitForRedraw(page, n);
  const value = (name) => page.$eval(`.ktao-controls input[name=${name}]`, (e) => Number(e.value));
  assert.equal(await value('tc0'), 2.175);
  assert.equal(await value('tBkt'), 1.979);
  const r = await readouts(page);
  assert.match(r['YAO/KTO (sliders): T_c onset · midpoint · zero'], /^2\.39\d ·/);
  assert.ok(r['LAO/KTO (preset): T_c onset · midpoint · zero'], 'the other sample keeps its preset');

  const linked = await open(env, 'resistive.html#v=1&preset=YAO%2FKTO', { context });
  await waitForDraw(linked.page);
  assert.equal(await linked.page.$eval('.ktao-controls input[name=tc0]', (e) => Number(e.value)), 2.175);
  const own = await open(env, 'resistive.html#v=1&preset=YAO%2FKTO&tc0=2.5', { context });
  await waitForDraw(own.page);
  assert.equal(await own.page.$eval('.ktao-controls input[name=tc0]', (e) => Number(e.value)), 2.5, 'a value in the link wins');
  assert.equal(await own.page.$eval('.ktao-controls input[name=tBkt]', (e) => Number(e.value)), 1.979);
  assert.deepEqual([...problems, ...linked.problems, ...own.problems], []);
  await context.close();
});

test('Fig. 1e–f: T_BKT above T_c0 is refused in words, and the page recovers', async () => {
  const { page, problems, context } = await open(env, 'bkt.html');
  await waitForDraw(page);
  const tc0 = page.locator('.ktao-controls input[type=number][name=tc0-exact]');
  await tc0.fill('1.9');
  await tc0.press('Enter');
  await page.locator('.ktao-status.error').waitFor();
  assert.match(await page.textContent('.ktao-status'), /T_BKT \(1\.946 K\) must lie below T_c0 \(1\.9 K\)/);
  await tc0.fill('2.084');
  await tc0.press('Enter');
  await page.waitForFunction(() => document.querySelector('.ktao-status').textContent === '');
  assert.deepEqual(problems, []);
  await context.close();
});
