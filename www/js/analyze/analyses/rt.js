// R(T) → T_c onset, midpoint and zero (as Fig. 1b), the Halperin–Nelson
// fit R₀ exp[−b (T/T_BKT − 1)^(−½)] and its linearised form (as Fig. S4).
import { pm, fixed, q, fitJson, thin } from '../shared.js';

export const id = 'rt';
export const title = 'R(T): T_c onset, midpoint and zero; Halperin–Nelson fit';
export const figure = 'Figs. 1b and S4';
export const roles = [
  { name: 'temperature', label: 'Temperature T', quantity: 'temperature', unit: 'K' },
  { name: 'resistance', label: 'Resistance R', quantity: 'resistance', unit: 'Ω' },
];
/** One curve per field set point. */
export const segments = 'field';

export function options(d) {
  return [
    { name: 'tNormalK', label: 'T where R_N is read', unit: 'K', value: d.tNormalK, auto: 'auto: 5 K, or the warmest point', positive: true },
    { name: 'rNormalOhm', label: 'R_N itself (wins over T)', unit: 'Ω', value: d.rNormalOhm, auto: 'auto: R at that T', positive: true },
    { name: 'tMinK', label: 'Halperin–Nelson fit from', unit: 'K', value: d.tMinK, auto: 'auto: where R = 0.3 R_N', positive: true },
    { name: 'tMaxK', label: 'Halperin–Nelson fit to', unit: 'K', value: d.tMaxK, auto: 'auto: where R = 0.9 R_N', positive: true },
    { name: 'view', type: 'select', label: 'Show', value: d.view, options: [['transition', 'R(T) with T_c onset, midpoint, zero'], ['halperin-nelson', 'the Halperin–Nelson fit and its linear form']] },
  ];
}

const UNITS = { r0: 'Ω', b: '', tBkt: 'K' };
const k3 = (v) => (v == null ? '—' : v.toFixed(3));

export function readouts({ transitions: t, tNormalK, hn, linear, window, hnMessage }) {
  const rows = [
    { label: 'T_c onset (0.9 R_N)', value: k3(t.onset), unit: 'K' },
    { label: 'T_c midpoint (0.5 R_N)', value: k3(t.mid), unit: t.mid == null ? '' : 'K' },
    { label: 'T_c zero (0.01 R_N)', value: k3(t.zero), unit: t.zero == null ? '' : 'K' },
    { label: tNormalK == null ? 'R_N (given)' : `R_N, R at ${fixed(tNormalK)} K`, value: fixed(t.rNormal), unit: 'Ω' },
  ];
  if (hn) {
    const p = hn.params;
    const e = hn.errors;
    rows.push(
      { label: 'T_BKT, Halperin–Nelson fit', value: pm(p.tBkt, e.tBkt), unit: 'K' },
      { label: 'b, vortex-core constant', value: pm(p.b, e.b), unit: '' },
      { label: 'R₀', value: pm(p.r0, e.r0), unit: 'Ω' },
      { label: 'fit window', value: `${k3(window[0])} to ${k3(window[1])}`, unit: 'K' },
      { label: 'T_BKT, linearised plot', value: pm(linear.tBkt, linear.tBktError), unit: 'K' },
      { label: 'fit converged', value: hn.converged ? 'yes' : 'no (see the note)', unit: '' },
    );
  } else {
    rows.push({ label: 'Halperin–Nelson fit', value: 'none (see the note)', unit: '' });
  }
  return rows;
}

export function notes({ hn, hnMessage }) {
  if (!hn) return [`No Halperin–Nelson fit: ${hnMessage}`];
  return hn.converged ? [] : [`The Halperin–Nelson fit did not converge: ${hn.message}`];
}

export function summary({ transitions: t, hn, hnMessage }) {
  const tc = `R falls through 90 % of R_N = ${fixed(t.rNormal)} Ω at ${k3(t.onset)} K, through half of it at ${k3(t.mid)} K and to 1 % at ${k3(t.zero)} K`;
  if (!hn) return `${tc}. No Halperin–Nelson fit: ${hnMessage}.`;
  const p = hn.params;
  const e = hn.errors;
  return `${tc}. The Halperin–Nelson law fits with T_BKT = ${pm(p.tBkt, e.tBkt)} K and b = ${pm(p.b, e.b)}.`;
}

/** The measured points inside the drawn R(T) panel. */
export function points({ t, r, frame }) {
  return thin(t.length).filter((i) => t[i] >= frame.x[0] && t[i] <= frame.x[1])
    .map((i) => ({ x: t[i], y: r[i], text: `T = ${fixed(t[i])} K, R = ${fixed(r[i])} Ω` }));
}

export function csv({ t, r, curve }) {
  return {
    columns: [
      { name: 'T', unit: 'K', values: t },
      { name: 'R', unit: 'Ω', values: r },
      { name: 'T Halperin-Nelson fit', unit: 'K', values: curve?.x ?? [] },
      { name: 'R Halperin-Nelson fit', unit: 'Ω', values: curve?.y ?? [] },
    ],
  };
}

export function json({ transitions: t, tNormalK, hn, linear, window, hnMessage }) {
  return {
    tcOnset: q(t.onset, null, 'K'),
    tcMid: q(t.mid, null, 'K'),
    tcZero: q(t.zero, null, 'K'),
    rNormal: q(t.rNormal, null, 'Ω'),
    tNormal: q(tNormalK, null, 'K'),
    halperinNelson: fitJson(hn, UNITS),
    window: window ? { from: q(window[0], null, 'K'), to: q(window[1], null, 'K') } : null,
    linearised: linear ? {
      tBkt: q(linear.tBkt, linear.tBktError, 'K'), b: q(linear.b, null, ''),
      line: fitJson(linear.fit, { intercept: 'K^(2/3)', slope: 'K^(-1/3)' }),
    } : null,
    message: hnMessage ?? null,
  };
}
