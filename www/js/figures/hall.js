// Fig. 1c: R_xy(B) at 5 K of both samples with straight-line fits: the
// carrier density from the slope, the mobility with the sheet resistance.
import { withError, fixed } from '../format.js';

const E13 = 1e13;
/** Hall densities of the paper (Fig. 1c), 10¹³ cm⁻². */
const PAPER = { 'LAO/KTO': 7.28, 'YAO/KTO': 14.5 };

/** @param {object} d the paper's values from the library (`hallDefaults()`) */
export function controls(d) {
  return [
    { name: 'nLao', label: 'n, LaAlO₃/KTaO₃', unit: '10¹³ cm⁻²', min: 1, max: 30, step: 0.01, value: d.nLao / E13 },
    { name: 'rsLao', label: 'R_s at 5 K, LaAlO₃/KTaO₃', unit: 'Ω/□', min: 200, max: 5000, step: 1, value: d.rsLao },
    { name: 'nYao', label: 'n, YAlO₃/KTaO₃', unit: '10¹³ cm⁻²', min: 1, max: 30, step: 0.01, value: d.nYao / E13 },
    { name: 'rsYao', label: 'R_s at 5 K, YAlO₃/KTaO₃', unit: 'Ω/□', min: 200, max: 5000, step: 1, value: d.rsYao },
  ];
}

export const defaults = (ktao) => ktao.hallDefaults();

const modelState = (s) => ({ nLao: s.nLao * E13, nYao: s.nYao * E13, rsLao: s.rsLao, rsYao: s.rsYao });

export const draw = (ktao, canvas, state, scale) => ktao.drawHall(canvas, modelState(state), scale);
export const svg = (ktao, state, width, height) => ktao.svgHall(modelState(state), width, height);

/** Mobility and its error: μ = 1/(n e R_s) has the relative error of n. */
const mobility = (f) => [f.mobilityCm2Vs, f.mobilityCm2Vs * (f.nError / f.nCm2)];

export function readouts({ samples }) {
  return samples.flatMap((s) => {
    const f = s.fit;
    const [mu, muErr] = mobility(f);
    return [
      { label: `${s.name}: n (${f.carrier}), paper ${PAPER[s.name]}`, value: withError(f.nCm2 / E13, f.nError / E13), unit: '10¹³ cm⁻²' },
      { label: `${s.name}: Hall slope dR_xy/dB`, value: withError(f.slopeOhmPerT, f.slopeError), unit: 'Ω/T' },
      { label: `${s.name}: Hall mobility`, value: withError(mu, muErr), unit: 'cm²/(V·s)' },
    ];
  });
}

export function summary({ samples }) {
  const parts = samples.map((s) => `${s.name} falls by ${fixed(-s.fit.slopeOhmPerT)} Ω per tesla, `
    + `${fixed(s.fit.nCm2 / E13)} × 10¹³ ${s.fit.carrier} per cm²`);
  return `The Hall resistance at 5 K falls linearly with the perpendicular field, as for electrons: ${parts.join('; ')}.`;
}

export function points({ samples }) {
  return samples.flatMap((s) => s.fieldT.map((b, i) => ({
    x: b, y: s.rxyOhm[i], text: `${s.name}: μ₀H⟂ = ${fixed(b)} T, R_xy = ${fixed(s.rxyOhm[i])} Ω`,
  })));
}

export function table({ samples }) {
  return {
    caption: 'Fig. 1c: Hall resistance at 5 K',
    columns: [
      { name: 'μ0H⟂', unit: 'T', values: samples[0].fieldT },
      ...samples.map((s) => ({ name: `R_xy ${s.name}`, unit: 'Ω', values: s.rxyOhm })),
    ],
  };
}

export function csv({ samples }) {
  const line = (s) => s.fieldT.map((b) => s.fit.offsetOhm + s.fit.slopeOhmPerT * b);
  return {
    columns: [
      { name: 'B', unit: 'T', values: samples[0].fieldT },
      ...samples.flatMap((s) => [
        { name: `R_xy ${s.name} data`, unit: 'Ω', values: s.rxyOhm },
        { name: `R_xy ${s.name} fit`, unit: 'Ω', values: line(s) },
      ]),
    ],
  };
}
