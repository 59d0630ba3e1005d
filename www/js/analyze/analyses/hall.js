// R_xy(B) → the carrier density from the slope and, with the sheet
// resistance, the Hall mobility (as Fig. 1c).
import { pm, fixed, q, fitJson, thin } from '../shared.js';

export const id = 'hall';
export const title = 'R_xy(B): carrier density n and Hall mobility';
export const figure = 'Fig. 1c';
export const roles = [
  { name: 'field', label: 'Field μ₀H', quantity: 'field', unit: 'T' },
  { name: 'hall', label: 'Hall resistance R_xy', quantity: 'hall', channel: 2, unit: 'Ω' },
  { name: 'resistance', label: 'Sheet resistance R_s, for the mobility', quantity: 'resistance', channel: 1, unit: 'Ω', optional: true },
];
/** One sweep per temperature set point. */
export const segments = 'temperature';

export function options(d) {
  return [
    { name: 'bMaxT', label: 'Fit fields up to |μ₀H| =', unit: 'T', value: d.bMaxT, auto: 'auto: all', positive: true },
    { name: 'sheetResistanceOhm', label: 'R_s (wins over the column)', unit: 'Ω/□', value: d.sheetResistanceOhm, auto: 'auto: the column near zero field', positive: true },
  ];
}

const E13 = 1e13;

export function readouts({ fit: f, sheetResistanceOhm, sheetResistanceFrom, mobilityError }) {
  const rows = [
    { label: `n, sheet density (${f.carrier})`, value: pm(f.nCm2 / E13, f.nError / E13), unit: '10¹³ cm⁻²' },
    { label: 'dR_xy/dB, Hall slope', value: pm(f.slopeOhmPerT, f.slopeError), unit: 'Ω/T' },
    { label: 'R_xy(0), offset', value: fixed(f.offsetOhm), unit: 'Ω' },
  ];
  if (sheetResistanceOhm != null) {
    rows.push(
      { label: `R_s (${sheetResistanceFrom === 'column' ? 'the column near zero field' : 'given'})`, value: fixed(sheetResistanceOhm), unit: 'Ω/□' },
      { label: 'μ, Hall mobility', value: pm(f.mobilityCm2Vs, mobilityError), unit: 'cm²/(V·s)' },
    );
  } else {
    rows.push({ label: 'μ, Hall mobility', value: 'needs R_s', unit: '' });
  }
  rows.push({ label: 'points fitted', value: String(f.fit.n), unit: '' });
  return rows;
}

export const notes = () => [];

export function summary({ fit: f }) {
  return `R_xy changes by ${pm(f.slopeOhmPerT, f.slopeError)} Ω per tesla: ${fixed(f.nCm2)} ${f.carrier} per cm²`
    + `${f.mobilityCm2Vs == null ? '' : `, moving with ${fixed(f.mobilityCm2Vs)} cm²/(V·s)`}.`;
}

export function points({ fieldT, rxyOhm }) {
  return thin(fieldT.length).map((i) => ({ x: fieldT[i], y: rxyOhm[i], text: `μ₀H = ${fixed(fieldT[i])} T, R_xy = ${fixed(rxyOhm[i])} Ω` }));
}

export function csv({ fieldT, rxyOhm, fit: f }) {
  return {
    columns: [
      { name: 'B', unit: 'T', values: fieldT },
      { name: 'R_xy', unit: 'Ω', values: rxyOhm },
      { name: 'R_xy fit', unit: 'Ω', values: Array.from(fieldT, (b) => f.offsetOhm + f.slopeOhmPerT * b) },
    ],
  };
}

export function json({ fit: f, sheetResistanceOhm, sheetResistanceFrom, mobilityError }) {
  return {
    n: q(f.nCm2, f.nError, 'cm⁻²'),
    carrier: f.carrier,
    slope: q(f.slopeOhmPerT, f.slopeError, 'Ω/T'),
    offset: q(f.offsetOhm, null, 'Ω'),
    sheetResistance: sheetResistanceOhm == null ? null : { ...q(sheetResistanceOhm, null, 'Ω/□'), from: sheetResistanceFrom },
    mobility: f.mobilityCm2Vs == null ? null : q(f.mobilityCm2Vs, mobilityError, 'cm²/(V·s)'),
    fit: fitJson(f.fit, { offset: 'Ω', slope: 'Ω/T' }),
  };
}
