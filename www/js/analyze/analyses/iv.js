// I–V curves at several temperatures → α(T) of V ∝ I^α and T_BKT where it
// crosses 3 (as Figs. 1e–f); the rows are split at temperature set points.
import { pm, fixed, q, fitJson } from '../shared.js';

export const id = 'iv';
export const title = 'I–V at several temperatures: α(T) and T_BKT';
export const figure = 'Figs. 1e–f';
export const roles = [
  { name: 'temperature', label: 'Temperature T', quantity: 'temperature', unit: 'K' },
  { name: 'current', label: 'Current I', quantity: 'current', unit: 'A' },
  { name: 'voltage', label: 'Voltage V', quantity: 'voltage', unit: 'V' },
];
/** The analysis splits the rows at the temperature set points itself. */
export const segments = null;

export function options(d) {
  return [
    { name: 'toleranceK', label: 'Temperature set points: tolerance', unit: 'K', value: d.toleranceK, positive: true },
    { name: 'vMin', label: 'Noise floor: fit V above', unit: 'V', value: d.vMin, positive: true },
    { name: 'iMin', label: 'Fit currents from', unit: 'A', value: d.iMin, auto: 'auto: all', positive: true },
    { name: 'iMax', label: 'Fit currents up to', unit: 'A', value: d.iMax, auto: 'auto: all', positive: true },
    { name: 'thresholdV', label: 'Critical-current criterion', unit: 'V', value: d.thresholdV, positive: true },
  ];
}

export function readouts({ alpha: a, alphaMessage, criticalCurrent, criticalTemperature, curves }) {
  const rows = [
    { label: 'T_BKT, where α = 3', value: a.tBkt == null ? '—' : pm(a.tBkt, a.tBktError), unit: a.tBkt == null ? '' : 'K' },
  ];
  rows.push({ label: `I_c at ${fixed(criticalTemperature)} K`, value: criticalCurrent == null ? '—' : fixed(criticalCurrent * 1e6), unit: criticalCurrent == null ? '' : 'μA' });
  rows.push({ label: 'curves (set points)', value: String(curves.length), unit: '' });
  a.temperature.forEach((t, k) => {
    rows.push({ label: `α at ${fixed(t)} K (${a.nPoints[k]} points)`, value: Number.isFinite(a.alpha[k]) ? pm(a.alpha[k], a.alphaError[k]) : 'too few points', unit: '' });
  });
  return rows;
}

export const notes = ({ alphaMessage }) => (alphaMessage ? [alphaMessage] : []);

export function summary({ alpha: a, alphaMessage, curves }) {
  const t = a.tBkt == null ? `No T_BKT: ${alphaMessage}` : `The exponent α of V ∝ I^α falls through 3 at T_BKT = ${pm(a.tBkt, a.tBktError)} K`;
  return `${curves.length} I–V curves, from ${fixed(curves[0].temperature)} K to ${fixed(curves[curves.length - 1].temperature)} K. ${t}.`;
}

/** Every other point of each curve in the log–log panel, in its log₁₀ frame. */
export function points({ curves, frame }) {
  return curves.flatMap((c) => c.current.flatMap((i, k) => {
    const v = c.voltage[k];
    if (k % 2 || !(v > 0) || !(i > 0) || Math.log10(v) < frame.y[0]) return [];
    return [{ x: Math.log10(i), y: Math.log10(v), text: `T = ${fixed(c.temperature)} K: I = ${fixed(i)} A, V = ${fixed(v)} V` }];
  }));
}

export function csv({ alpha: a, curves }) {
  const long = { t: [], i: [], v: [] };
  for (const c of curves) {
    c.current.forEach((i, k) => { long.t.push(c.temperature); long.i.push(i); long.v.push(c.voltage[k]); });
  }
  return {
    columns: [
      { name: 'T set point', unit: 'K', values: a.temperature },
      { name: 'alpha', unit: '', values: a.alpha },
      { name: 'alpha error', unit: '', values: a.alphaError },
      { name: 'points fitted', unit: '', values: a.nPoints },
      { name: 'T of curve', unit: 'K', values: long.t },
      { name: 'I', unit: 'A', values: long.i },
      { name: 'V', unit: 'V', values: long.v },
    ],
  };
}

export function json({ alpha: a, alphaMessage, criticalCurrent, criticalTemperature, thresholdV }) {
  return {
    tBkt: q(a.tBkt, a.tBktError, 'K'),
    message: alphaMessage ?? null,
    alpha: a.temperature.map((t, k) => ({
      temperature: q(t, null, 'K'), alpha: q(a.alpha[k], a.alphaError[k], ''), points: a.nPoints[k],
      fit: fitJson(a.fits[k], { lnV0: 'ln(V/1 V)', alpha: '' }),
    })),
    criticalCurrent: q(criticalCurrent, null, 'A'),
    criticalTemperature: q(criticalTemperature, null, 'K'),
    criterion: q(thresholdV, null, 'V'),
  };
}
