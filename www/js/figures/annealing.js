// Fig. 5: annealing in oxygen fills the vacancies. R_s(T), R_xy(B) at 5 K
// and the loops at 1.8 K and 300 K of the paper's four samples and of a
// fifth, annealed at a pressure the reader chooses.
import { fixed } from '../format.js';

/** @param {object} d the paper's values from the library (`annealingFigureDefaults()`) */
export function controls(d) {
  return [
    { name: 'logPO2', label: 'P_O₂ of your fifth anneal, log₁₀ (−8 is below the onset; 0 is 1 mbar)', unit: 'log₁₀ mbar', min: -8, max: 1, step: 0.05, value: Math.log10(d.pO2Mbar) },
    { name: 'exponent', label: 'x of the mass-action law n_V ∝ P_O₂^(−x) (1/6: doubly ionised vacancies)', unit: '1', min: 0.05, max: 0.5, step: 0.001, value: d.exponent },
  ];
}

export const defaults = (ktao) => ktao.annealingFigureDefaults();

const modelState = (s) => ({ pO2Mbar: 10 ** s.logPO2, exponent: s.exponent });

export const draw = (ktao, canvas, state, scale) => ktao.drawAnnealing(canvas, modelState(state), scale);
export const svg = (ktao, state, width, height) => ktao.svgAnnealing(modelState(state), width, height);

const E13 = 1e13;

/** "2 × 10⁻⁶" for the readout's list of samples (the label without "mbar"). */
const short = (s) => (s.fifth ? `yours, ${s.label}` : s.label.replace(' mbar', ''));

export function readouts({ samples }) {
  const list = (f, digits) => samples.map((s) => f(s).toFixed(digits)).join(' · ');
  return [
    { label: 'samples (P_O₂ in mbar)', value: samples.map(short).join(' · ') },
    { label: 'n, Hall fit at 5 K', value: list((s) => s.hall.nCm2 / E13, 2), unit: '10¹³ cm⁻²' },
    { label: 'R_s, normal state', value: list((s) => s.sheetResistance / 1000, 2), unit: 'kΩ/□' },
    { label: 'm per interface cell', value: list((s) => s.momentPerCell, 3), unit: 'μ_B' },
    { label: '1 mbar moment / as grown (paper: "almost vanishing")', value: fixed((100 * samples[3].momentPerCell) / samples[0].momentPerCell), unit: '%' },
  ];
}

export function summary({ samples }) {
  const [grown, , , one, fifth] = samples;
  return 'Post-annealing in oxygen, four panels for five samples: (a) sheet resistance against temperature, '
    + '(b) Hall resistance at 5 K, (c, d) in-plane loops at 1.8 K and 300 K. '
    + `From the as-grown film to the 1 mbar anneal, R_s rises from ${fixed(grown.sheetResistance)} to `
    + `${fixed(one.sheetResistance)} Ω/□, the carriers fall from ${(grown.carrierDensityCm2 / E13).toFixed(2)} to `
    + `${(one.carrierDensityCm2 / E13).toFixed(2)} × 10¹³ cm⁻², and the moment from ${grown.momentPerCell.toFixed(3)} to `
    + `${one.momentPerCell.toFixed(3)} μ_B per interface cell; your sample at ${fifth.label} has `
    + `${fixed(fifth.sheetResistance)} Ω/□ and ${fifth.momentPerCell.toFixed(3)} μ_B.`;
}

/** Panel (a) in its frame's units (log₁₀ T, log₁₀ R_s), every fifth temperature. */
export function points({ temperatureK, samples, frame }) {
  const floor = 10 ** frame.y[0];
  return samples.flatMap((s) => [...temperatureK].flatMap((t, i) => (i % 5 ? [] : [{
    x: Math.log10(t),
    y: Math.log10(Math.max(s.rs[i], floor)),
    text: `${s.label}: T = ${fixed(t)} K, R_s = ${fixed(s.rs[i])} Ω/□`,
  }])));
}

export function table({ samples }) {
  return {
    caption: 'Fig. 5: the five samples',
    columns: [
      { name: 'P_O2', unit: 'mbar (0 = as grown)', values: samples.map((s) => s.pO2Mbar) },
      { name: 'vacancies', unit: '10¹³ cm⁻²', values: samples.map((s) => s.vacancyDensity / E13) },
      { name: 'n, Hall fit', unit: '10¹³ cm⁻²', values: samples.map((s) => s.hall.nCm2 / E13) },
      { name: 'R_s', unit: 'Ω/□', values: samples.map((s) => s.sheetResistance) },
      { name: 'm', unit: 'μ_B per interface cell', values: samples.map((s) => s.momentPerCell) },
    ],
  };
}

export function csv({ temperatureK, fieldT, fieldOe, samples }) {
  const col = (name, unit, values) => ({ name, unit, values: [...values] });
  return {
    columns: [
      col('T', 'K', temperatureK),
      ...samples.map((s) => col(`R_s ${s.label}`, 'Ω/□', s.rs)),
      col('B', 'T', fieldT),
      ...samples.map((s) => col(`R_xy ${s.label}`, 'Ω', s.rxyOhm)),
      col('H', 'Oe', fieldOe),
      ...samples.map((s) => col(`m 1.8 K ${s.label}`, 'μ_B per interface cell', s.momentLow)),
      ...samples.map((s) => col(`m 300 K ${s.label}`, 'μ_B per interface cell', s.momentHigh)),
    ],
  };
}
