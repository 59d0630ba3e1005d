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
      return [{ case: 'fitHc2Angle', us_per_call: timeUs(() => k.fitHc2Angle(t, h)) }];
    }, { theta, hc2 });
  } finally {
    await env.close();
  }
}
