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

export const draw = (ktao, canvas, state, scale) => ktao.drawHc2Angle(canvas, modelState(state), scale);
export const svg = (ktao, state, width, height) => ktao.svgHc2Angle(modelState(state), width, height);

export function readouts({ fits }) {
  const rows = [];
  for (const key of ['tinkham', 'gl3d']) {
    const f = fits[key];
    rows.push({ label: `${MODEL_NAMES[key]}: μ₀H_c2⊥`, value: withError(f.params.hPerp, f.errors.hPerp), unit: 'T' });
    rows.push({ label: `${MODEL_NAMES[key]}: μ₀H_c2∥`, value: withError(f.params.hPar, f.errors.hPar), unit: 'T' });
    rows.push({ label: `${MODEL_NAMES[key]}: reduced χ² · AIC`, value: `${fixed(f.redchi)} · ${fixed(f.aic)}`, unit: '' });
  }
  rows.push({ label: 'The data prefer', value: `${MODEL_NAMES[fits.preferred]} (ΔAIC = ${fixed(fits.deltaAic)})`, unit: '' });
  return rows;
}

export function summary({ data, fits }) {
  const t = fits.tinkham;
  return `${data.thetaDeg.length} points of μ₀H_c2 against field angle rise from ${fixed(t.params.hPerp)} T `
    + `with the field perpendicular to ${fixed(t.params.hPar)} T in plane, through a sharp peak at 90°; `
    + `the ${MODEL_NAMES[fits.preferred]} fit is preferred by ΔAIC = ${fixed(fits.deltaAic)}.`;
}

export function points({ data }) {
  return data.thetaDeg.map((x, i) => ({
    x, y: data.hc2[i], text: `θ = ${x}°, μ₀H_c2 = ${fixed(data.hc2[i])} T`,
  }));
}

export function table({ data }) {
  return {
    caption: 'Fig. 1d data points',
    columns: [{ name: 'θ', unit: 'deg', values: data.thetaDeg }, { name: 'μ0Hc2', unit: 'T', values: data.hc2 }],
  };
}

export function csv({ data, curves }) {
  return {
    columns: [
      { name: 'theta', unit: 'deg', values: data.thetaDeg },
      { name: 'Hc2 data', unit: 'T', values: data.hc2 },
      { name: 'theta curve', unit: 'deg', values: curves.thetaDeg },
      { name: 'Hc2 2D Tinkham fit', unit: 'T', values: curves.tinkham },
      { name: 'Hc2 3D GL fit', unit: 'T', values: curves.gl3d },
    ],
  };
}
