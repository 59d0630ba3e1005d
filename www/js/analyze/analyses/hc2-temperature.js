// μ₀H_c2⟂(T) and μ₀H_c2∥(T) → one Ginzburg–Landau fit of both: T_c,
// ξ_GL(0) and the superconducting thickness d_sc, and the Pauli limit (as Fig. S3).
import { pm, fixed, q, fitJson } from '../shared.js';

export const id = 'hc2-temperature';
export const title = 'μ₀H_c2(T) in both directions: ξ_GL, d_sc and the Pauli limit';
export const figure = 'Fig. S3';
export const roles = [
  { name: 'tPerp', label: 'Temperature of the perpendicular points', quantity: 'temperature', unit: 'K' },
  { name: 'hPerp', label: 'μ₀H_c2⟂, field normal to the film', match: /perp|⊥|normal|oop|out/i, unit: 'T' },
  { name: 'tPar', label: 'Temperature of the parallel points', quantity: 'temperature', unit: 'K' },
  { name: 'hPar', label: 'μ₀H_c2∥, field in the film plane', match: /par|∥|in.?plane|\bip\b/i, unit: 'T' },
];
export const segments = null;

export const options = () => [];

const UNITS = { tc: 'K', xiNm: 'nm', dNm: 'nm' };

export function readouts({ fit, pauliT, pauliRatio }) {
  const p = fit.params;
  const e = fit.errors;
  return [
    { label: 'T_c', value: pm(p.tc, e.tc), unit: 'K' },
    { label: 'ξ_GL(0), coherence length', value: pm(p.xiNm, e.xiNm), unit: 'nm' },
    { label: 'd_sc, superconducting thickness', value: pm(p.dNm, e.dNm), unit: 'nm' },
    { label: 'μ₀H_P, Pauli limit 1.86 T/K × T_c', value: fixed(pauliT), unit: 'T' },
    { label: 'μ₀H_c2∥(0) / μ₀H_P', value: fixed(pauliRatio), unit: '' },
    { label: 'reduced χ²', value: fixed(fit.redchi), unit: '' },
  ];
}

export const notes = () => [];

export function summary({ fit, pauliRatio }) {
  const p = fit.params;
  const e = fit.errors;
  return `One Ginzburg–Landau fit of both directions gives ξ_GL(0) = ${pm(p.xiNm, e.xiNm)} nm and d_sc = ${pm(p.dNm, e.dNm)} nm`
    + ` with T_c = ${pm(p.tc, e.tc)} K; in plane the field reaches ${fixed(pauliRatio)} × the Pauli limit.`;
}

export function points({ data }) {
  const p = (t, h, name) => t.map((x, i) => ({ x, y: h[i], text: `${name}: T = ${fixed(x)} K, μ₀H_c2 = ${fixed(h[i])} T` }));
  return [...p(data.tPerp, data.hPerp, '⟂'), ...p(data.tPar, data.hPar, '∥')];
}

export function csv({ data, curves }) {
  return {
    columns: [
      { name: 'T perp', unit: 'K', values: data.tPerp },
      { name: 'mu0 Hc2 perp', unit: 'T', values: data.hPerp },
      { name: 'T par', unit: 'K', values: data.tPar },
      { name: 'mu0 Hc2 par', unit: 'T', values: data.hPar },
      { name: 'T curve', unit: 'K', values: curves.t },
      { name: 'GL fit perp', unit: 'T', values: curves.hPerp },
      { name: 'GL fit par', unit: 'T', values: curves.hPar },
    ],
  };
}

export function json({ fit, pauliT, pauliRatio }) {
  return { gl: fitJson(fit, UNITS), pauliLimit: q(pauliT, null, 'T'), hc2ParOverPauli: q(pauliRatio, null, '') };
}
