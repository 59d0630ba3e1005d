// Fig. 1e–f: the I–V family of LaAlO₃/KTaO₃ on linear and log–log axes, the
// V ∝ I³ line, and α(T) with T_BKT where α crosses 3.
import { withError, fixed } from '../format.js';
import { keepOrder, checkOrder } from './order.js';

/** The most curves a page draws (the library refuses more than 60). */
const MAX_CURVES = 49;

/** @param {object} d the paper's values from the library (`bktDefaults()`) */
export function controls(d) {
  return [
    { name: 'tBkt', label: 'T_BKT, mean local BKT temperature', unit: 'K', min: 1.5, max: 2.05, step: 0.001, value: d.tBkt },
    { name: 'tc0', label: 'T_c0, mean-field transition', unit: 'K', min: 1.9, max: 2.6, step: 0.001, value: d.tc0 },
    { name: 'tMin', label: 'lowest temperature measured', unit: 'K', min: 1, max: 1.9, step: 0.01, value: d.tMin },
    { name: 'tMax', label: 'highest temperature measured', unit: 'K', min: 1.5, max: 2.2, step: 0.01, value: d.tMax },
    { name: 'tStep', label: 'temperature step', unit: 'K', min: 0.025, max: 0.2, step: 0.005, value: d.tStep },
  ];
}

export const defaults = (ktao) => ktao.bktDefaults();

/** Controls that keep their order: T_BKT below T_c0, the lowest temperature below the highest. */
const TRANSITIONS = ['tBkt', 'tc0'];
const RANGE = ['tMin', 'tMax'];

/** Moving one of a pair past the other takes the other along (0.01 K; 0.1 K for the range). */
export function linked(ktao, name, value, state) {
  return keepOrder(name, value, state, TRANSITIONS, 0.01) ?? keepOrder(name, value, state, RANGE, 0.1);
}

function check(s) {
  checkOrder(s, TRANSITIONS, `T_BKT (${s.tBkt} K) must lie below T_c0 (${s.tc0} K): vortex pairs unbind below the mean-field transition`);
  checkOrder(s, RANGE, `the highest temperature (${s.tMax} K) must lie above the lowest (${s.tMin} K)`);
  if ((s.tMax - s.tMin) / s.tStep + 1 > MAX_CURVES + 1e-9) {
    throw new Error(`${Math.floor((s.tMax - s.tMin) / s.tStep + 1)} temperatures are too many to draw: at most ${MAX_CURVES}, so take a larger step`);
  }
  return s;
}

export const draw = (ktao, canvas, state, scale) => ktao.drawBkt(canvas, check(state), scale);
export const svg = (ktao, state, width, height) => ktao.svgBkt(check(state), width, height);

const temps = (curves) => curves.map((c) => c.temperature);
/** α with its error; an Ohmic curve's α is 1 to every digit shown. */
const alphaText = (a, e) => (!Number.isFinite(a) ? 'too few points' : e < 1e-4 ? fixed(a) : withError(a, e));

export function readouts({ curves, alpha, criticalCurrent, criticalTemperature, thresholdV }) {
  const crossed = Number.isFinite(alpha.tBkt);
  const rows = [
    { label: 'T_BKT, where α = 3', value: crossed ? withError(alpha.tBkt, alpha.tBktError) : 'no crossing', unit: crossed ? 'K' : '' },
    { label: 'T_BKT in the paper (Fig. 1f)', value: '1.793', unit: 'K' },
    {
      label: `I_c at ${criticalTemperature.toFixed(2)} K (V > ${fixed(thresholdV * 1e6)} μV)`,
      value: criticalCurrent == null ? 'none' : fixed(criticalCurrent * 1e6),
      unit: criticalCurrent == null ? '' : 'μA',
    },
    { label: 'I_c in the paper at 1.4 K', value: '79.1', unit: 'μA' },
  ];
  const last = alpha.alpha.length - 1;
  rows.push({ label: `α at ${alpha.temperature[0].toFixed(2)} K`, value: alphaText(alpha.alpha[0], alpha.alphaError[0]), unit: '' });
  rows.push({ label: `α at ${alpha.temperature[last].toFixed(2)} K`, value: alphaText(alpha.alpha[last], alpha.alphaError[last]), unit: '' });
  const t = temps(curves);
  rows.push({ label: 'curves', value: `${t.length}, ${t[0].toFixed(2)} to ${t[t.length - 1].toFixed(2)}`, unit: 'K' });
  return rows;
}

export function summary({ curves, alpha, alphaMessage, criticalCurrent, criticalTemperature, thresholdV }) {
  const t = temps(curves);
  const ic = criticalCurrent == null
    ? `no critical current at ${criticalTemperature.toFixed(2)} K (the voltage exceeds ${fixed(thresholdV * 1e6)} μV at every current)`
    : `a critical current of ${fixed(criticalCurrent * 1e6)} μA at ${criticalTemperature.toFixed(2)} K`;
  const bkt = Number.isFinite(alpha.tBkt) ? `the log–log slope α falls through 3 at T_BKT = ${fixed(alpha.tBkt)} K`
    : `the log–log slope α never crosses 3 here (${alphaMessage})`;
  return `${t.length} current–voltage curves from ${t[0].toFixed(2)} to ${t[t.length - 1].toFixed(2)} K show ${ic}; `
    + `${bkt}; a curve with α = 1 is Ohmic.`;
}

/** Every other point of each curve in the log–log panel, in its log₁₀ frame. */
export function points({ curves, frame }) {
  return curves.flatMap((c) => c.current.flatMap((i, k) => {
    const v = c.voltage[k];
    if (k % 2 || !(v > 0) || Math.log10(v) < frame.y[0]) return [];
    return [{ x: Math.log10(i), y: Math.log10(v), text: `T = ${c.temperature.toFixed(2)} K: I = ${fixed(i * 1e6)} μA, V = ${fixed(v)} V` }];
  }));
}

export function table({ curves, alpha }) {
  const t = temps(curves);
  return {
    caption: 'Fig. 1f inset: the exponent α of V ∝ I^α at each temperature',
    columns: [
      { name: 'T', unit: 'K', values: t },
      { name: 'α', unit: '', values: alpha.alpha },
      { name: 'standard error of α', unit: '', values: alpha.alphaError },
    ],
  };
}

export function csv({ curves, alpha }) {
  const columns = [{ name: 'I', unit: 'A', values: curves[0].current }];
  for (const c of curves) columns.push({ name: `V at ${c.temperature.toFixed(3)} K`, unit: 'V', values: c.voltage });
  columns.push(
    { name: 'T', unit: 'K', values: alpha.temperature },
    { name: 'alpha', unit: '1', values: alpha.alpha },
    { name: 'alpha error', unit: '1', values: alpha.alphaError },
  );
  return { columns };
}
