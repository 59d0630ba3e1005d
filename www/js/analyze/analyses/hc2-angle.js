// μ₀H_c2(θ) → the 2D Tinkham and 3D anisotropic Ginzburg–Landau fits and
// the model the data prefer (as Fig. 1d).
import { pm, fixed, q, fitJson } from '../shared.js';

export const id = 'hc2-angle';
export const title = 'μ₀H_c2(θ): 2D Tinkham or 3D Ginzburg–Landau';
export const figure = 'Fig. 1d';
export const roles = [
  { name: 'angle', label: 'Angle θ', quantity: 'angle', unit: 'deg' },
  { name: 'field', label: 'Upper critical field μ₀H_c2', quantity: 'field', match: /h_?c2|hc2|critical/i, unit: 'T' },
  { name: 'sigma', label: 'Uncertainty of μ₀H_c2', match: /err|sigma|σ|unc/i, unit: 'T', optional: true },
];
export const segments = null;

export function options(d) {
  return [{ name: 'thetaOffsetDeg', label: 'Angle reading with the field along the sample normal', unit: 'deg', value: d.thetaOffsetDeg }];
}

const UNITS = { hPerp: 'T', hPar: 'T' };

export function readouts({ fits }) {
  const rows = [];
  for (const [key, name] of [['tinkham', '2D Tinkham'], ['gl3d', '3D GL']]) {
    const f = fits[key];
    const p = f.params;
    const e = f.errors;
    rows.push(
      { label: `${name}: μ₀H_c2⟂`, value: pm(p.hPerp, e.hPerp), unit: 'T' },
      { label: `${name}: μ₀H_c2∥`, value: pm(p.hPar, e.hPar), unit: 'T' },
      { label: `${name}: reduced χ²`, value: fixed(f.redchi), unit: '' },
    );
  }
  rows.push(
    { label: 'preferred (AIC)', value: fits.preferred === 'tinkham' ? '2D Tinkham' : '3D GL', unit: '' },
    { label: 'ΔAIC (GL − Tinkham)', value: fixed(fits.deltaAic), unit: '' },
  );
  return rows;
}

export const notes = () => [];

export function summary({ fits }) {
  const better = fits.preferred === 'tinkham' ? 'the two-dimensional Tinkham formula, with its cusp at 90°,' : 'the three-dimensional Ginzburg–Landau formula';
  return `The data prefer ${better} by ΔAIC = ${fixed(Math.abs(fits.deltaAic))}.`;
}

export function points({ data }) {
  return data.thetaDeg.map((t, i) => ({ x: t, y: data.hc2[i], text: `θ = ${fixed(t)}°, μ₀H_c2 = ${fixed(data.hc2[i])} T` }));
}

export function csv({ data, tinkhamCurve, gl3dCurve }) {
  return {
    columns: [
      { name: 'theta', unit: 'deg', values: data.thetaDeg },
      { name: 'mu0 Hc2', unit: 'T', values: data.hc2 },
      { name: 'theta curve', unit: 'deg', values: tinkhamCurve.x },
      { name: 'Tinkham fit', unit: 'T', values: tinkhamCurve.y },
      { name: 'GL 3D fit', unit: 'T', values: gl3dCurve.y },
    ],
  };
}

export function json({ fits }) {
  return {
    tinkham: fitJson(fits.tinkham, UNITS),
    gl3d: fitJson(fits.gl3d, UNITS),
    preferred: fits.preferred,
    deltaAic: q(fits.deltaAic, null, ''),
  };
}
