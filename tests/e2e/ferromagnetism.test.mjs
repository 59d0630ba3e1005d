// The ferromagnetism pages (Fig. 2, Fig. S5) in a real browser: at the
// paper's values they show the paper's numbers (≈ 0.2 μ_B per interface unit
// cell at 1.8 K, a loop still open at 300 K, ZFC and FC apart up to 300 K);
// the raw/corrected switch moves the moment axis by two orders of magnitude;
// the sample switch and the spread slider set the controls they belong to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, waitForDraw, waitForRedraw, draws } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The readout rows as { label: value } of the page's figure. */
const readouts = (page) => page.$$eval('.ktao-readouts tr', (trs) => Object.fromEntries(
  trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent])));
/** The value and its error of "1.635 ± 0.018 unit". */
const withErr = (text) => {
  const [v, e] = text.replace(/−/g, '-').split('±').map((t) => Number(t.trim().split(' ')[0]));
  return { v, e: e ?? 0 };
};
const near = (got, want, tol, what) => assert.ok(Math.abs(got - want) <= tol, `${what}: ${got}, want ${want} ± ${tol}`);
/** The page's last draw result. */
const result = (page) => page.evaluate(() => {
  const r = document.querySelector('.ktao-figure').ktao.result();
  return {
    sample: r.sample, corrected: r.corrected, unitEmu: r.unitEmu, y: r.frame.y,
    frames: r.panels.map((p) => p.frame), samples: r.panels.map((p) => p.sample),
  };
});
async function change(page, act) {
  const n = await draws(page);
  await act();
  await waitForRedraw(page, n);
}

test('Fig. 2 at the paper\'s values: 0.2 μ_B per interface cell at 1.8 K, loops open at 300 K, χ recovered', async () => {
  const { page, problems, context } = await open(env, 'magnet-loops.html');
  await waitForDraw(page);
  const r = await readouts(page);
  for (const s of ['LAO/KTO (sliders)', 'YAO/KTO (preset)']) {
    const cell = withErr(r[`${s} at 1.8 K: M_s per interface cell (paper ≈ 0.2)`]);
    near(cell.v, 0.2, 0.025, `${s} M_s in μ_B per cell`);
    assert.ok(cell.e > 0 && cell.e < 0.01, `${s}: an error bar ${cell.e}`);
    const cold = withErr(r[`${s} at 1.8 K: H_c`]);
    const warm = withErr(r[`${s} at 300 K: H_c`]);
    assert.ok(warm.v > 5 * warm.e && warm.v > 20, `${s}: the loop is open at 300 K (H_c = ${warm.v} Oe)`);
    assert.ok(cold.v > warm.v + 3 * (cold.e + warm.e), `${s}: coercivity shrinks on warming (${cold.v} → ${warm.v} Oe)`);
    const mr = withErr(r[`${s} at 1.8 K: M_r`]);
    const ms = withErr(r[`${s} at 1.8 K: M_s`]);
    // Random in-plane easy axes: M_r/M_s = 2/π less a little thermal decay.
    near(mr.v / ms.v, 0.637, 0.05, `${s} M_r/M_s`);
    // The correction finds the substrate's χ = −2.1e-8 emu/Oe within its error.
    const chi = withErr(r[`${s}: substrate χ, fitted at 1.8 K`]);
    near(chi.v, -2.1, Math.max(4 * chi.e, 0.002), `${s} fitted χ / 1e-8 emu/Oe`);
  }
  // Both samples, side by side, each with its own frame.
  const res = await result(page);
  assert.deepEqual(res.samples, ['LAO/KTO', 'YAO/KTO']);
  assert.ok(res.frames[1].px[0] > res.frames[0].px[1], 'panel (b) right of panel (a)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Fig. 2: the raw signal is two orders of magnitude larger than the corrected loop', async () => {
  const { page, problems, context } = await open(env, 'magnet-loops.html');
  await waitForDraw(page);
  const corrected = await result(page);
  const axis = (await readouts(page))['moment axis'];
  assert.match(axis, /^corrected, ±/);
  await change(page, () => page.click('.ktao-controls input[name=corrected]'));
  const raw = await result(page);
  assert.equal(raw.corrected, false);
  const span = (r) => (r.y[1] - r.y[0]) * r.unitEmu;
  const ratio = span(raw) / span(corrected);
  assert.ok(ratio > 100 && ratio < 1000, `raw / corrected y range ${ratio}`);
  assert.match((await readouts(page))['moment axis'], /^raw, ±3\.\d+e-5/);
  // The processed numbers do not depend on what is shown.
  const r = await readouts(page);
  assert.match(r['LAO/KTO (sliders) at 1.8 K: M_s per interface cell (paper ≈ 0.2)'], /^0\.19/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Fig. 2: the sample switch sets the sliders to that sample; the spread slider picks the textured ensemble', async () => {
  const { page, problems, context } = await open(env, 'magnet-loops.html');
  await waitForDraw(page);
  const value = (name) => page.$eval(`.ktao-controls [name=${name}]`, (e) => e.value);
  assert.equal(await value('hkOe'), '300');
  await change(page, () => page.selectOption('.ktao-controls select[name=sample]', 'YAO/KTO'));
  assert.equal(await value('hkOe'), '260');
  assert.equal(await value('ms'), '0.22');
  const r = await readouts(page);
  assert.ok(r['YAO/KTO (sliders) at 1.8 K: M_s'] && r['LAO/KTO (preset) at 1.8 K: M_s']);
  assert.equal((await result(page)).sample, 'YAO/KTO');
  // Doubling H_K of YAO/KTO roughly doubles its coercivity and leaves LAO/KTO alone.
  const before = await readouts(page);
  await change(page, async () => {
    await page.fill('.ktao-controls input[name=hkOe-exact]', '520');
    await page.press('.ktao-controls input[name=hkOe-exact]', 'Enter');
  });
  const after = await readouts(page);
  const hc = (rows, s) => withErr(rows[`${s} at 1.8 K: H_c`]).v;
  near(hc(after, 'YAO/KTO (sliders)') / hc(before, 'YAO/KTO (sliders)'), 2, 0.3, 'H_c ratio for twice H_K');
  assert.equal(after['LAO/KTO (preset) at 1.8 K: H_c'], before['LAO/KTO (preset) at 1.8 K: H_c']);
  // The spread belongs to the textured ensemble: moving it selects that ensemble.
  assert.equal(await value('ensemble'), 'inplane');
  await change(page, async () => {
    await page.focus('.ktao-controls input[name=spreadDeg]');
    await page.keyboard.press('ArrowRight');
  });
  assert.equal(await value('ensemble'), 'spread');
  assert.match(page.url(), /ensemble=spread/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Fig. 2: the pointer readout names the sample of the panel under it', async () => {
  const { page, problems, context } = await open(env, 'magnet-loops.html');
  await waitForDraw(page);
  const { frames } = await result(page);
  const canvas = page.locator('.ktao-figure canvas');
  const dpr = await canvas.evaluate((c) => c.width / c.clientWidth);
  for (const [i, name] of [[0, 'LAO/KTO'], [1, 'YAO/KTO']]) {
    const f = frames[i];
    // The saturated top of the loops at the right end of the field axis.
    const x = (f.px[0] + 0.97 * (f.px[1] - f.px[0])) / dpr;
    const y = (f.py[1] - ((1.6 - f.y[0]) / (f.y[1] - f.y[0])) * (f.py[1] - f.py[0])) / dpr;
    await canvas.hover({ position: { x, y } });
    await page.waitForFunction((n) => document.querySelector('.ktao-pointer').textContent.startsWith(n), name);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('Fig. S5 at the paper\'s values: ZFC and FC apart up to 300 K; small particles unblock below it', async () => {
  const { page, problems, context } = await open(env, 'zfc-fc.html');
  await waitForDraw(page);
  const r = await readouts(page);
  const num = (t) => Number(t.replace(/−/g, '-').match(/-?[\d.]+(e-?\d+)?/)[0]);
  for (const s of ['LAO/KTO (sliders)', 'YAO/KTO (preset)']) {
    assert.equal(r[`${s}: bifurcation T_irr (paper: above 300 K)`], 'split persists to 300 K');
    assert.ok(num(r[`${s}: FC at 1.8 K`]) > 3 * num(r[`${s}: ZFC at 1.8 K`]), `${s}: FC well above ZFC at 1.8 K`);
    assert.ok(num(r[`${s}: FC − ZFC at 300 K`]) > 1, `${s}: still split at 300 K`);
  }
  // Small, narrowly distributed particles block below room temperature:
  // T_irr and a ZFC maximum appear, near each other.
  const other = await open(env, 'zfc-fc.html#v=1&volume=0.5&volume-spread=0.3', { context });
  await waitForDraw(other.page);
  const small = await readouts(other.page);
  const tIrr = num(small['LAO/KTO (sliders): bifurcation T_irr (paper: above 300 K)']);
  const peak = num(small['LAO/KTO (sliders): ZFC maximum at']);
  assert.ok(tIrr > 50 && tIrr < 200, `T_irr ${tIrr} K`);
  near(peak, tIrr, 0.2 * tIrr, 'ZFC peak near T_irr');
  assert.equal(small['YAO/KTO (preset): bifurcation T_irr (paper: above 300 K)'], 'split persists to 300 K');
  // A field of two thirds of H_K lowers the barriers: the blocking moves down.
  await change(other.page, async () => {
    await other.page.fill('.ktao-controls input[name=fieldOe-exact]', '200');
    await other.page.press('.ktao-controls input[name=fieldOe-exact]', 'Enter');
  });
  const strong = await readouts(other.page);
  assert.ok(num(strong['LAO/KTO (sliders): bifurcation T_irr (paper: above 300 K)']) < tIrr / 2);
  assert.deepEqual([...problems, ...other.problems], []);
  await context.close();
});

test('Fig. S5: subtracting the substrate shifts both curves by χH and nothing else', async () => {
  const { page, problems, context } = await open(env, 'zfc-fc.html');
  await waitForDraw(page);
  const fc = () => page.evaluate(() => document.querySelector('.ktao-figure').ktao.result().panels.map((p) => [p.curves.fc[0], p.subtractedEmu]));
  const corrected = await fc();
  await change(page, () => page.click('.ktao-controls input[name=corrected]'));
  const raw = await fc();
  for (let i = 0; i < 2; i++) {
    const [c, sub] = corrected[i];
    assert.equal(raw[i][1], 0);
    near(sub, -2.1e-8 * 50, 1e-15, 'χH at 50 Oe');
    near(raw[i][0] - c, sub, 1e-20, 'raw − corrected = χH');
  }
  assert.match((await readouts(page))['moment axis'], /^raw, /);
  assert.deepEqual(problems, []);
  await context.close();
});
