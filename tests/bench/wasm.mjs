// Times the exports in headless Chromium (the release package in www/pkg),
// with the same median-of-batches rule as the native and SciPy timings.
import { readFile } from 'node:fs/promises';
import { launch, open } from '../e2e/harness.mjs';

export async function wasmTimings() {
  const csv = await readFile(new URL('../data/hc2_angle_scipy.csv', import.meta.url), 'utf8');
  const rows = csv.split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('theta'));
  const theta = rows.map((l) => Number(l.split(',')[0]));
  const hc2 = rows.map((l) => Number(l.split(',')[1]));
  const env = await launch();
  try {
    const { page } = await open(env, './');
    return await page.evaluate(async ({ theta, hc2 }) => {
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
      const t = new Float64Array(theta);
      const h = new Float64Array(hc2);
      const rows = [{ case: 'fitHc2Angle', us_per_call: timeUs(() => k.fitHc2Angle(t, h)) }];

      // Fig. 3: the default vacancy model, what its time is made of, the
      // 9-point U_eff scan, and the figure computed and drawn on a canvas.
      const model = k.vacancyModel();
      const steps = (n) => ({ maxIterations: n, tolerance: 1e-14 });
      const perStep = (timeUs(() => k.vacancyModel(steps(21))) - timeUs(() => k.vacancyModel(steps(1)))) / 20;
      rows.push({
        case: 'vacancyModel', us_per_call: timeUs(() => k.vacancyModel()),
        matrix_size: model.matrixSize, blocks: model.blocks, largest_block: model.largestBlock,
        iterations: model.iterations, us_per_scf_step: perStep, us_per_block: perStep / model.blocks,
      });
      const scanU = new Float64Array([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
      const scan = k.uScan(undefined, scanU);
      rows.push({
        case: 'uScan9', us_per_call: timeUs(() => k.uScan(undefined, scanU)),
        iterations: scan.iterations.reduce((a, b) => a + b, 0),
      });
      const canvas = document.createElement('canvas');
      canvas.width = 1200;
      canvas.height = 800;
      rows.push({ case: 'fig3', us_per_call: timeUs(() => k.drawVacancyModel(canvas, undefined, 1)) });
      const computed = { model, scan };
      rows.push({ case: 'fig3Draw', us_per_call: timeUs(() => k.drawVacancyModel(canvas, undefined, 1, computed)) });

      // Fig. 5: the annealing update for the paper's four samples and a
      // fifth; p95 over 200 batches of 100 updates (a single update is below
      // the browser's timer resolution).
      const pressures = new Float64Array([0, 2e-6, 1e-2, 1, 1e-4]);
      const opts = k.annealingDefaults();
      for (let i = 0; i < 1000; i++) k.annealing(opts, pressures);
      const batches = [];
      for (let b = 0; b < 200; b++) {
        const t0 = performance.now();
        for (let i = 0; i < 100; i++) k.annealing(opts, pressures);
        batches.push(((performance.now() - t0) * 1e3) / 100);
      }
      batches.sort((a, b) => a - b);
      rows.push({
        case: 'fig5Annealing', us_per_call: timeUs(() => k.annealing(opts, pressures)),
        p95_us: batches[Math.floor(0.95 * batches.length)],
      });
      return rows;
    }, { theta, hc2 });
  } finally {
    await env.close();
  }
}
