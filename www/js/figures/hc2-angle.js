// Fig. 1d: μ0H_c2(θ) at 1.6 K with the 2D Tinkham and 3D GL fits.
import { withError, fixed } from '../format.js';

const MODEL_NAMES = { tinkham: '2D Tinkham', gl3d: '3D anisotropic GL' };

/** @param {object} d the paper's values from the library (`hc2AngleDefaults()`) */
export function controls(d) {
  return [
    { name: 'hPerp', label: 'μ₀H_c2⊥ (field ⟂ plane)', unit: 'T', min: 0.02, max: 1, step: 0.001, value: d.hPerp },
    { name: 'hPar', label: 'μ₀H_c2∥ (field ∥ plane)', unit: 'T', min: 0.2, max: 8, step: 0.01, value: d.hPar },
    { name: 'noise', label: 'measurement noise', unit: '%', min: 0, max: 10, step: 0.5, value: 100 * d.noise },
  ];
}

export const defaults = (ktao) => ktao.hc2AngleDefaults();

const modelState = (s) => ({ hPerp: s.hPerp, hPar: s.hPar, noise: s.noise / 100 });

export function draw(ktao, canvas, state, scale) {
  return ktao.drawHc2Angle(canvas, modelState(state), scale);
}

export function svg(ktao, state, width, height) {
  return ktao.svgHc2Angle(modelState(state), width, height);
}

export function readouts(result) {
  const { fits } = result;
  const rows = [];
  for (const key of ['tinkham', 'gl3d']) {
    const f = fits[key];
    rows.push({ label: `${MODEL_NAMES[key]}: μ₀H_c2⊥`, value: withError(f.params.hPerp, f.errors.hPerp), unit: 'T' });
    rows.push({ label: `${MODEL_NAMES[key]}: μ₀H_c2∥`, value: withError(f.params.hPar, f.errors.hPar), unit: 'T' });
    rows.push({ label: `${MODEL_NAMES[key]}: reduced χ² · AIC`, value: `${fixed(f.redchi)} · ${fixed(f.aic)}`, unit: '' });
  }
  rows.push({
    label: 'The data prefer',
    value: `${MODEL_NAMES[fits.preferred]} (ΔAIC = ${fixed(fits.deltaAic)})`,
    unit: '',
  });
  return rows;
}
