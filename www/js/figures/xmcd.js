// Fig. 4: a sketch of XMCD at the Ta N₃ edge (explanatory, not a fit).
import { fixed } from '../format.js';

export function controls(d) {
  return [
    { name: 'polarisation', label: 'Ta 5d spin polarisation', unit: '%', min: 0, max: 50, step: 0.1, value: 100 * d.polarisation },
    { name: 'incidenceDeg', label: 'beam angle to the film plane', unit: 'deg', min: 0, max: 90, step: 1, value: d.incidenceDeg },
  ];
}

export const defaults = (ktao) => ktao.xmcdDefaults();
const modelState = (s) => ({ polarisation: s.polarisation / 100, incidenceDeg: s.incidenceDeg });
export const draw = (ktao, canvas, state, scale) => ktao.drawXmcd(canvas, modelState(state), scale);
export const svg = (ktao, state, width, height) => ktao.svgXmcd(modelState(state), width, height);

const peak = (v) => v.reduce((a, b) => Math.max(a, b), 0);

export function readouts({ spectra }) {
  return [
    { label: 'peak dichroism μ₊ − μ₋', value: fixed(peak(spectra.xmcd)), unit: '(arb. units)' },
    { label: 'relative to the absorption at the edge', value: fixed((100 * peak(spectra.xmcd)) / 1.5), unit: '%' },
  ];
}

export function summary({ spectra }, state) {
  return `Sketch of Ta N₃-edge absorption for both circular polarisations; their difference, the XMCD, `
    + `peaks at ${fixed(peak(spectra.xmcd))} (arbitrary units) for ${state.polarisation} % spin polarisation `
    + `seen at ${state.incidenceDeg}° to the film.`;
}

export function points({ spectra }) {
  return spectra.energyEv.filter((_, i) => i % 10 === 0).map((x, k) => ({
    x, y: spectra.muPlus[k * 10], text: `E = ${fixed(x)} eV, μ₊ = ${fixed(spectra.muPlus[k * 10])}, μ₋ = ${fixed(spectra.muMinus[k * 10])}`,
  }));
}

export function table({ spectra }) {
  const every = (v) => v.filter((_, i) => i % 10 === 0);
  return {
    caption: 'XMCD sketch, every 1 eV',
    columns: [
      { name: 'E', unit: 'eV', values: every(spectra.energyEv) },
      { name: 'μ+', unit: 'arb.', values: every(spectra.muPlus) },
      { name: 'μ−', unit: 'arb.', values: every(spectra.muMinus) },
      { name: 'XMCD', unit: 'arb.', values: every(spectra.xmcd) },
    ],
  };
}

export function csv({ spectra }) {
  return {
    columns: [
      { name: 'E', unit: 'eV', values: spectra.energyEv },
      { name: 'mu_plus', unit: 'arb.', values: spectra.muPlus },
      { name: 'mu_minus', unit: 'arb.', values: spectra.muMinus },
      { name: 'XMCD', unit: 'arb.', values: spectra.xmcd },
    ],
  };
}
