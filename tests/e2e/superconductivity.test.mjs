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

test('Fig. 1e–f and 1b: T_c0 moved below T_BKT takes T_BKT along; a link with them out of order is refused in words', async () => {
  const { page, problems, context } = await open(env, 'bkt.html');
  await waitForDraw(page);
  const value = (name) => page.$eval(`.ktao-controls input[type=range][name=${name}]`, (e) => Number(e.value));
  const n = await draws(page);
  const tc0 = page.locator('.ktao-controls input[type=number][name=tc0-exact]');
  await tc0.fill('1.9');
  await tc0.press('Enter');
  await waitForRedraw(page, n);
  assert.equal(await value('tc0'), 1.9);
  assert.equal(await value('tBkt'), 1.89, 'T_BKT follows, 0.01 K below');
  assert.equal(await page.textContent('.ktao-status'), '');
  // The highest temperature moved below the lowest takes the lowest along.
  assert.equal(await value('tMin'), 1.4);
  await page.locator('.ktao-controls input[type=number][name=tMax-exact]').fill('1.5');
  await page.locator('.ktao-controls input[type=number][name=tMax-exact]').press('Enter');
  await page.waitForFunction(() => document.querySelector('.ktao-controls input[type=range][name=tMax]').value === '1.5');
  assert.equal(await value('tMin'), 1.4, 'still below: not moved');
  await page.locator('.ktao-controls input[type=number][name=tMin-exact]').fill('1.8');
  await page.locator('.ktao-controls input[type=number][name=tMin-exact]').press('Enter');
  await page.waitForFunction(() => document.querySelector('.ktao-controls input[type=range][name=tMax]').value === '1.9');
  assert.equal(await page.textContent('.ktao-status'), '');
  // A link is taken as it is: out of order, it gets the message and the
  // page recovers when a control is moved.
  const link = await open(env, 'bkt.html#v=1&t-bkt=2&tc0=1.95', { context });
  await link.page.locator('.ktao-status.error').waitFor();
  assert.match(await link.page.textContent('.ktao-status'), /T_BKT \(2 K\) must lie below T_c0 \(1\.95 K\)/);
  const exact = link.page.locator('.ktao-controls input[type=number][name=tc0-exact]');
  await exact.fill('2.084');
  await exact.press('Enter');
  await link.page.waitForFunction(() => document.querySelector('.ktao-status').textContent === '');
  // On Fig. 1b too.
  const rt = await open(env, 'resistive.html', { context });
  await waitForDraw(rt.page);
  const exactRt = rt.page.locator('.ktao-controls input[type=number][name=tc0-exact]');
  await exactRt.fill('1.7');
  await exactRt.press('Enter');
  await rt.page.waitForFunction(() => document.querySelector('.ktao-controls input[type=range][name=tBkt]').value === '1.69');
  assert.equal(await rt.page.textContent('.ktao-status'), '');
  assert.deepEqual([...problems, ...link.problems, ...rt.problems], []);
  await context.close();
});
