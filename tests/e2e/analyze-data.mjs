// Measurement files with known answers for tests/e2e/analyze.test.mjs,
// made here in plain JavaScript from the textbook formulas (not by ktao),
// with seeded Gaussian noise: a Hall sweep, an R(T) cooling run, I–V
// curves at set points, H_c2(θ) and H_c2(T) tables.

/** A seeded generator of N(0, 1) (mulberry32 + Box–Muller). */
export function gaussian(seed) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const E = 1.602176634e-19;
const table = (sep, header, rows) => `${[header.join(sep), ...rows.map((r) => r.join(sep))].join('\n')}\n`;

/** R_xy = R₀ − B/(n e) + noise, B from −9 to 9 T in mT, and R_xx ≈ R_s. */
export function hallFile() {
  const truth = { nCm2: 5e13, rs: 1200 };
  const slope = -1 / (truth.nCm2 * 1e4 * E);
  const z = gaussian(1);
  const rows = [];
  for (let k = 0; k <= 72; k++) {
    const b = -9 + 0.25 * k;
    rows.push([b * 1e3, 2.5 + slope * b + 0.05 * z(), truth.rs * (1 + 1e-4 * b * b)]);
  }
  return { name: 'hall-sweep.csv', text: table(',', ['B (mT)', 'Rxy (Ohm)', 'Rxx (Ohm)'], rows), truth };
}

/** The Halperin–Nelson law R₀ exp[−b (T/T_BKT − 1)^(−½)] cooling from 3 K, 0.1 % noise. */
export function rtFile() {
  const truth = { r0: 1500, b: 0.6, tBkt: 1.85 };
  const z = gaussian(2);
  const rows = [];
  for (let k = 0; k <= 600; k++) {
    const t = 3 - 0.002 * k;
    const tau = t / truth.tBkt - 1;
    const r = tau > 0 ? truth.r0 * Math.exp(-truth.b / Math.sqrt(tau)) : 0;
    rows.push([t.toFixed(4), r * (1 + 1e-3 * z())]);
  }
  return { name: 'cooldown.csv', text: table(',', ['Temperature (K)', 'Resistance (Ohm)'], rows), truth };
}

/** V = 1 μV (I/100 μA)^α(T), α falling linearly from 5 at 1.6 K through 3 at 1.9 K to 1 at 2.2 K. */
export function ivFile() {
  const truth = { tBkt: 1.9 };
  const z = gaussian(3);
  const rows = [];
  for (let j = 0; j <= 12; j++) {
    const t = 1.6 + 0.05 * j;
    const alpha = Math.max(1, 1 + 2 * (2.2 - t) / 0.3);
    for (let k = 0; k <= 60; k++) {
      const i = 1e-6 * 10 ** (k / 20);
      const v = 1e-6 * (i / 1e-4) ** alpha * (1 + 1e-4 * z());
      rows.push([(t + 2e-4 * z()).toFixed(5), i * 1e6, v * 1e3]);
    }
  }
  return { name: 'iv-family.tsv', text: table('\t', ['T (K)', 'I (µA)', 'V (mV)'], rows), truth };
}

/** Tinkham's μ₀H_c2(θ) of a 2D film every 5°, 10 mT of noise (the fits weigh every point alike). */
export function hc2AngleFile() {
  const truth = { hPerp: 0.13, hPar: 2.7 };
  const z = gaussian(4);
  const rows = [];
  for (let k = 0; k <= 36; k++) {
    const th = 5 * k;
    const c = Math.abs(Math.cos((th * Math.PI) / 180));
    const s2 = Math.sin((th * Math.PI) / 180) ** 2;
    const a = c / truth.hPerp;
    const h = 2 / (a + Math.sqrt(a * a + (4 * s2) / truth.hPar ** 2));
    rows.push([th, h + 0.01 * z()]);
  }
  return { name: 'hc2-theta.csv', text: table(',', ['theta (deg)', 'Hc2 (T)'], rows), truth };
}

/** GL μ₀H_c2⟂ = Φ₀/(2πξ²)(1 − T/T_c), μ₀H_c2∥ = Φ₀√12/(2πξd)(1 − T/T_c)^½, 1 % noise. */
export function hc2TemperatureFile() {
  const truth = { tc: 2.0, xiNm: 22.6, dNm: 8.43 };
  const k = 2.067833848e-15 / (2 * Math.PI) * 1e18; // T nm²
  const z = gaussian(5);
  const rows = [];
  for (let j = 0; j < 12; j++) {
    const t = 0.3 + 0.14 * j;
    const u = 1 - t / truth.tc;
    rows.push([t.toFixed(3), (k / truth.xiNm ** 2) * u * (1 + 0.01 * z()),
      ((k * Math.sqrt(12)) / (truth.xiNm * truth.dNm)) * Math.sqrt(u) * (1 + 0.01 * z())]);
  }
  return { name: 'hc2-t.csv', text: table(',', ['T (K)', 'Hc2 perp (T)', 'Hc2 par (T)'], rows), truth };
}
