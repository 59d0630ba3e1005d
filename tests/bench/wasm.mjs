// Times the exports in headless Chromium (the release package in www/pkg),
// with the same median-of-batches rule as the native and SciPy timings, and
// the per-figure update: one draw call (model + drawing on a 900 × 600
// canvas) at a time, median and 95th percentile.
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
      const lao = k.magnetPreset('LAO/KTO');
      // ktao keeps recent sweeps (M_s, χ or noise sliders reuse them): each
      // timed call moves H_K by 1e-9 Oe, as a dragged H_K slider does, so it
      // computes its sweep afresh.
      let nudge = 0;
      const dragged = (o) => ({ ...o, hkOe: lao.hkOe + (nudge += 1e-9) });
      const cold = { ...lao, temperatureK: 1.8 };
      const hot = { ...lao, temperatureK: 300 };
      const long = k.swLoop({ ...lao, points: 1000 });
      const hl = new Float64Array(long.h);
      const ml = new Float64Array(long.m);
      const cases = [
        { case: 'fitHc2Angle', us_per_call: timeUs(() => k.fitHc2Angle(t, h)) },
        { case: 'swLoop1p8K', us_per_call: timeUs(() => k.swLoop(dragged(cold))) },
        { case: 'swLoop300K', us_per_call: timeUs(() => k.swLoop(dragged(hot))) },
        { case: 'zfcFc', us_per_call: timeUs(() => k.zfcFc(lao)) },
        { case: 'processLoop1000', us_per_call: timeUs(() => k.processLoop(hl, ml)) },
      ];
      // Per-figure update: what a page does when a control moves.
      const canvas = document.createElement('canvas');
      canvas.width = 900;
      canvas.height = 600;
      document.body.append(canvas);
      const fig2 = k.magnetLoopsDefaults();
      const s5 = k.zfcFcDefaults();
      let chi = 0;
      const figures = [
        ['hc2-angle (Fig. 1d)', () => k.drawHc2Angle(canvas, k.hc2AngleDefaults(), 1)],
        ['magnet-loops (Fig. 2), H_K dragged', () => k.drawMagnetLoops(canvas, { ...fig2, hkOe: fig2.hkOe + (nudge += 1e-9) }, 1)],
        ['magnet-loops (Fig. 2), χ dragged', () => k.drawMagnetLoops(canvas, { ...fig2, chiEmuPerOe: fig2.chiEmuPerOe * (1 + (chi += 1e-6)) }, 1)],
        ['zfc-fc (Fig. S5), H_K dragged', () => k.drawZfcFc(canvas, { ...s5, hkOe: s5.hkOe + (nudge += 1e-9) }, 1)],
      ];
      const updates = figures.map(([figure, draw]) => {
        for (let i = 0; i < 5; i++) draw();
        const ms = [];
        for (let i = 0; i < 60; i++) {
          const t0 = performance.now();
          draw();
          // Wait for the canvas to be composited, as a page update would.
          canvas.getContext('2d').getImageData(0, 0, 1, 1);
          ms.push(performance.now() - t0);
        }
        ms.sort((a, b) => a - b);
        return { figure, median_ms: ms[30], p95_ms: ms[Math.ceil(0.95 * ms.length) - 1] };
      });
      return { cases, updates };
    }, { theta, hc2 });
  } finally {
    await env.close();
  }
}
