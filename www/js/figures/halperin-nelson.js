// Fig. S4: the Halperin–Nelson fit of R(T) over a chosen window, and the
// same law linearised, (d ln R/dT)^(−2/3) against T, whose zero is T_BKT.
import { withError, fixed } from '../format.js';

/** @param {object} d the starting window from the library (`halperinNelsonDefaults()`) */
export function controls(d) {
  return [
    { name: 'tMin', label: 'fit window from', unit: 'K', min: 1.6, max: 2.2, step: 0.001, value: d.tMin },
    { name: 'tMax', label: 'fit window to', unit: 'K', min: 2, max: 2.6, step: 0.001, value: d.tMax },
  ];
}

export const defaults = (ktao) => ktao.halperinNelsonDefaults();

function check(s) {
  if (!(s.tMax > s.tMin)) throw new Error(`the window must end (${s.tMax} K) above where it starts (${s.tMin} K)`);
  return s;
}

export const draw = (ktao, canvas, state, scale) => ktao.drawHalperinNelson(canvas, check(state), scale);
export const svg = (ktao, state, width, height) => ktao.svgHalperinNelson(check(state), width, height);

export function readouts({ fit, linear }) {
  const p = fit.params;
  const e = fit.errors;
  return [
    { label: 'T_BKT, Halperin–Nelson fit of R(T) (paper: 1.878 K)', value: withError(p.tBkt, e.tBkt), unit: 'K' },
    { label: 'b', value: withError(p.b, e.b), unit: '' },
    { label: 'R₀', value: withError(p.r0, e.r0), unit: 'Ω/□' },
    { label: `RMS residual of the fit, ${fit.n} points${fit.converged ? '' : ' (did not converge)'}`, value: fixed(Math.sqrt(fit.redchi)), unit: 'Ω/□' },
    { label: 'T_BKT, zero of the linearised plot', value: withError(linear.tBkt, linear.tBktError), unit: 'K' },
    { label: 'T_BKT from the I–V exponent α = 3 (Fig. 1f)', value: '1.793', unit: 'K' },
  ];
}

export function summary({ fit, linear, tMin, tMax }) {
  return `Sheet resistance of LaAlO₃/KTaO₃ near the transition with the Halperin–Nelson law fitted from ${fixed(tMin)} `
    + `to ${fixed(tMax)} K: T_BKT = ${fixed(fit.params.tBkt)} K; the linearised plot (d ln R/dT)^(−2/3) reaches zero at ${fixed(linear.tBkt)} K.`;
}

/** The R(T) points drawn in the left panel. */
function shown({ t, r, frame }) {
  return t.map((_, i) => i).filter((i) => t[i] >= frame.x[0] && t[i] <= frame.x[1]);
}

export function points(res) {
  return shown(res).map((i) => ({
    x: res.t[i], y: res.r[i],
    text: `T = ${fixed(res.t[i])} K, R_s = ${fixed(res.r[i])} Ω/□${res.t[i] >= res.tMin && res.t[i] <= res.tMax ? ' (fitted)' : ''}`,
  }));
}

export function table(res) {
  const idx = shown(res).filter((i) => i % 2 === 0);
  return {
    caption: 'Fig. S4: R_s(T) of LaAlO₃/KTaO₃ near the transition (every 10 mK)',
    columns: [
      { name: 'T', unit: 'K', values: idx.map((i) => res.t[i]) },
      { name: 'R_s', unit: 'Ω/□', values: idx.map((i) => res.r[i]) },
    ],
  };
}

export function csv(res) {
  const idx = shown(res);
  return {
    columns: [
      { name: 'T', unit: 'K', values: idx.map((i) => res.t[i]) },
      { name: 'R_s', unit: 'Ω/□', values: idx.map((i) => res.r[i]) },
      { name: 'T fit', unit: 'K', values: res.curve.t },
      { name: 'R_s Halperin-Nelson fit', unit: 'Ω/□', values: res.curve.r },
      { name: 'T linearised', unit: 'K', values: res.linear.t },
      { name: '(dlnR/dT)^(-2/3)', unit: 'K^(2/3)', values: res.linear.y },
    ],
  };
}
