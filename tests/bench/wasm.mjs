// Times the exports in headless Chromium (the release package in www/pkg),
// with the same median-of-batches rule as the native and SciPy timings.
import { readFile } from 'node:fs/promises';
import { launch, open } from '../e2e/harness.mjs';

export async function wasmTimings() {
  const csv = await readFile(new URL('../data/hc2_angle_scipy.csv', import.meta.url), 'utf8');
  const rows = csv.split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('theta'));
  const theta = rows.map((l) => Number(l.split(',')[0]));
  const hc2 = rows.map((l) => Number(l.split(',')[1]));
  // The large MPMS3 file of the benchmark (see crate/examples/bench.rs): the
  // fixture's header and column names, then its rows repeated to 200,000.
  const mpms3 = await readFile(new URL('../../../shared/fixtures/quantum-design/mpms3-vsm-mh.dat', import.meta.url), 'latin1');
  const env = await launch();
  try {
    const { page } = await open(env, './');
    return await page.evaluate(async ({ theta, hc2, mpms3 }) => {
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
      // One warm-up, then the median of 5 single calls (calls of 0.1 s and more).
      const timeUsLarge = (f) => {
        f();
        const perCall = [];
        for (let b = 0; b < 5; b++) {
          const t0 = performance.now();
          f();
          perCall.push((performance.now() - t0) * 1e3);
        }
        return perCall.sort((a, b) => a - b)[2];
      };
      const t = new Float64Array(theta);
      const h = new Float64Array(hc2);
      const lines = mpms3.split('\n');
      const names = lines.findIndex((l) => l.trim() === '[Data]') + 1;
      const rows = lines.slice(names + 1).filter((l) => l);
      const body = Array.from({ length: 200000 }, (_, i) => rows[i % rows.length] + '\n').join('');
      const big = new TextEncoder().encode(lines.slice(0, names + 1).join('\n') + '\n' + body);
      const split = (f) => {
        const col = (name) => f.columns.find((c) => c.header === name).values;
        const temperature = col('Temperature (K)');
        const field = col('Magnetic Field (Oe)');
        let n = 0;
        for (const s of k.splitBySetPoint(temperature, 0.05, 3)) {
          n += k.splitBySweep(field.subarray(s.start, s.end)).length;
        }
        return n;
      };
      return [
        { case: 'fitHc2Angle', us_per_call: timeUs(() => k.fitHc2Angle(t, h)) },
        { case: 'readDataFile200k', us_per_call: timeUsLarge(() => k.readDataFile(big, 'large.dat')) },
        { case: 'readAndSplit200k', us_per_call: timeUsLarge(() => split(k.readDataFile(big, 'large.dat'))) },
      ];
    }, { theta, hc2, mpms3 });
  } finally {
    await env.close();
  }
}
