// Fig. S3: μ0H_c2⟂(T) and μ0H_c2∥(T) with one joint Ginzburg–Landau fit,
// the Pauli limit, and how far H_c2∥ exceeds it.
import { withError, fixed } from '../format.js';

/** @param {object} d the paper's values from the library (`glHc2Defaults()`) */
export function controls(d) {
  return [
    { name: 'tc', label: 'T_c', unit: 'K', min: 1, max: 3, step: 0.01, value: d.tc },
    { name: 'xiNm', label: 'ξ_GL(0), coherence length', unit: 'nm', min: 8, max: 60, step: 0.01, value: d.xiNm },
    { name: 'dNm', label: 'd_sc, superconducting thickness', unit: 'nm', min: 2, max: 30, step: 0.01, value: d.dNm },
    { name: 'noise', label: 'measurement noise', unit: '%', min: 0, max: 10, step: 0.5, value: 100 * d.noise },
  ];
}

export const defaults = (ktao) => ktao.glHc2Defaults();

const modelState = (s) => ({ tc: s.tc, xiNm: s.xiNm, dNm: s.dNm, noise: s.noise / 100 });

export const draw = (ktao, canvas, state, scale) => ktao.drawGlHc2(canvas, modelState(state), scale);
export const svg = (ktao, state, width, height) => ktao.svgGlHc2(modelState(state), width, height);

export function readouts({ fit, pauliT, pauliRatio }) {
  const p = fit.params;
  const e = fit.errors;
  return [
    { label: 'T_c (joint fit)', value: withError(p.tc, e.tc), unit: 'K' },
    { label: 'ξ_GL(0) (paper: 22.6 nm)', value: withError(p.xiNm, e.xiNm), unit: 'nm' },
    { label: 'd_sc (paper: 8.43 nm)', value: withError(p.dNm, e.dNm), unit: 'nm' },
    { label: 'Pauli limit μ₀H_P = 1.857 T/K × T_c', value: fixed(pauliT), unit: 'T' },
    { label: 'μ₀H_c2∥(0) / μ₀H_P', value: fixed(pauliRatio), unit: '' },
    { label: `RMS residual of the fit${fit.converged ? '' : ' (did not converge)'}`, value: fixed(Math.sqrt(fit.redchi)), unit: 'T' },
  ];
}

export function summary({ fit, pauliT, pauliRatio }) {
  const p = fit.params;
  return `Upper critical fields against temperature: in plane they rise as the square root of T_c − T, `
    + `perpendicular linearly; the joint Ginzburg–Landau fit gives T_c = ${fixed(p.tc)} K, ξ_GL = ${fixed(p.xiNm)} nm `
    + `and d_sc = ${fixed(p.dNm)} nm, and the in-plane field at 0 K is ${fixed(pauliRatio)} times the Pauli limit of ${fixed(pauliT)} T.`;
}

export function points({ data }) {
  return [
    ...data.tPar.map((t, i) => ({ x: t, y: data.hPar[i], text: `H ∥ plane: T = ${fixed(t)} K, μ₀H_c2∥ = ${fixed(data.hPar[i])} T` })),
    ...data.tPerp.map((t, i) => ({ x: t, y: data.hPerp[i], text: `H ⟂ plane: T = ${fixed(t)} K, μ₀H_c2⟂ = ${fixed(data.hPerp[i])} T` })),
  ];
}

export function table({ data }) {
  return {
    caption: 'Fig. S3 data points (synthetic, from the Ginzburg–Landau laws with noise)',
    columns: [
      { name: 'T', unit: 'K', values: data.tPerp },
      { name: 'μ0Hc2⟂', unit: 'T', values: data.hPerp },
      { name: 'μ0Hc2∥', unit: 'T', values: data.hPar },
    ],
  };
}

export function csv({ data, curves }) {
  return {
    columns: [
      { name: 'T data', unit: 'K', values: data.tPerp },
      { name: 'Hc2 perp data', unit: 'T', values: data.hPerp },
      { name: 'Hc2 par data', unit: 'T', values: data.hPar },
      { name: 'T curve', unit: 'K', values: curves.t },
      { name: 'Hc2 perp GL fit', unit: 'T', values: curves.hPerp },
      { name: 'Hc2 par GL fit', unit: 'T', values: curves.hPar },
    ],
  };
}
