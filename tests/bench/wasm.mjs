// Times the exports in headless Chromium (the release package in www/pkg),
// with the same median-of-batches rule as the native and SciPy timings, and
// the per-figure update: one draw<Name> call (compute + draw into a canvas).
import { readFile } from 'node:fs/promises';
import { launch, open } from '../e2e/harness.mjs';

/** The numeric columns of a fixture CSV in tests/data/. */
async function columns(file) {
  const csv = await readFile(new URL(`../data/${file}`, import.meta.url), 'utf8');
  const rows = csv.split('\n').filter((l) => /^[0-9]/.test(l)).map((l) => l.split(',').map(Number));
  return rows[0].map((_, k) => rows.map((r) => r[k]));
}

export async function wasmTimings() {
  const data = {
    hc2Angle: await columns('hc2_angle_scipy.csv'),
    gl: await columns('gl_hc2_scipy.csv'),
    hn: await columns('halperin_nelson_scipy.csv'),
  };
  const env = await launch();
  try {
    const { page } = await open(env, './');
    return await page.evaluate(async (data) => {
      const k = await import(new URL('pkg/ktao.js', document.baseURI).href);
      await k.default();
      const timeUs = (f) => {
        for (let i = 0; i < 10; i++) f();
        const perCall = [];
        for (let b = 0; b < 7; b++) {
          const t0 = performance.now();
          let n = 0;
          while (performance.now() - t0 < 50) { f(); n++; }
          perCall.push(((performance.now() - t0) * 1e3) / n);
        }
        return perCall.sort((a, b) => a - b)[3];
      };
      const f64 = (a) => new Float64Array(a);
      const out = [];
      const run = (name, f) => out.push({ case: name, us_per_call: timeUs(f) });
      const [theta, hc2] = data.hc2Angle.map(f64);
      run('fitHc2Angle', () => k.fitHc2Angle(theta, hc2));
      const [gt, ghp, ghl] = data.gl.map(f64);
      run('fitGlHc2', () => k.fitGlHc2(gt, ghp, gt, ghl));
      const [ht, hr] = data.hn.map(f64);
      const all = { tMin: ht[0], tMax: ht[ht.length - 1] };
      run('fitHalperinNelson', () => k.fitHalperinNelson(ht, hr, all));
      run('hnLinearized', () => k.hnLinearized(ht, hr, all));
      const lao = k.transportPreset('LAO/KTO');
      const t = [];
      for (let i = 0; i <= 350; i++) t.push(1.5 + 0.005 * i);
      for (let i = 1; i <= 60; i++) t.push(3.25 + 0.25 * i);
      for (let i = 1; i <= 19; i++) t.push(15 + 15 * i);
      const t1b = f64(t);
      run('rtModel', () => k.rtModel(lao, t1b));
      const r1b = f64(k.rtModel(lao, t1b));
      run('transitionTemperatures', () => k.transitionTemperatures(t1b, r1b));
      run('fitHalperinNelsonPreset', () => k.fitHalperinNelson(t1b, r1b));
      const temps = f64(Array.from({ length: 15 }, (_, i) => 1.4 + 0.05 * i));
      const currents = f64(Array.from({ length: 61 }, (_, i) => 1e-6 * 10 ** (i / 20)));
      run('ivCurves', () => k.ivCurves(lao, temps, currents));
      const curves = k.ivCurves(lao, temps, currents);
      run('bktAlpha', () => k.bktAlpha(curves));
      const b = f64(Array.from({ length: 73 }, (_, i) => -9 + 0.25 * i));
      run('hallCurve', () => k.hallCurve(lao, b));
      const rxy = f64(k.hallCurve(lao, b));
      run('hallDensity', () => k.hallDensity(b, rxy, 1568));

      // Per-figure update: the draw call a page makes on every control change,
      // into a 900×560 canvas at devicePixelRatio 1; median and p95 of 100.
      // The same state each time: drawRt then reuses both cached curves (the
      // per-page table, which moves a slider, times the recomputation).
      const canvas = document.createElement('canvas');
      canvas.width = 900;
      canvas.height = 560;
      document.body.append(canvas);
      const updates = [];
      for (const [name, draw, defaults] of [
        ['Fig. 1b (drawRt)', k.drawRt, k.rtDefaults()],
        ['Fig. 1c (drawHall)', k.drawHall, k.hallDefaults()],
        ['Fig. 1e–f (drawBkt)', k.drawBkt, k.bktDefaults()],
        ['Fig. S3 (drawGlHc2)', k.drawGlHc2, k.glHc2Defaults()],
        ['Fig. S4 (drawHalperinNelson)', k.drawHalperinNelson, k.halperinNelsonDefaults()],
        ['Fig. 1d (drawHc2Angle)', k.drawHc2Angle, k.hc2AngleDefaults()],
      ]) {
        for (let i = 0; i < 5; i++) draw(canvas, defaults, 1);
        const ms = [];
        for (let i = 0; i < 100; i++) {
          const t0 = performance.now();
          draw(canvas, defaults, 1);
          ms.push(performance.now() - t0);
        }
        ms.sort((a, b) => a - b);
        updates.push({ figure: name, median_ms: ms[50], p95_ms: ms[95] });
      }
      return { cases: out, updates };
    }, data);
  } finally {
    await env.close();
  }
}
