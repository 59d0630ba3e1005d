// Fig. 1b: R_s(T) of both samples from 300 K down, with an inset of the
// transition where T_c onset, midpoint and zero are marked. The sliders set
// one sample (the preset switch says which); the other keeps its preset.
import { keepOrder, checkOrder } from './order.js';
import { fixed } from '../format.js';

const SAMPLES = [['LAO/KTO', 'LaAlO₃/KTaO₃(111)'], ['YAO/KTO', 'YAlO₃/KTaO₃(111)']];
/** T_c onset and zero of each sample in the paper (Fig. 1b), K. */
const PAPER = { 'LAO/KTO': [2.32, 1.66], 'YAO/KTO': [2.39, 1.70] };

/** @param {object} d the paper's values from the library (`rtDefaults()`) */
export function controls(d) {
  return [
    { name: 'preset', type: 'select', label: 'the sliders set the sample', options: SAMPLES, value: d.preset },
    { name: 'tc0', label: 'T_c0, mean-field transition', unit: 'K', min: 1.6, max: 3, step: 0.001, value: d.tc0 },
    { name: 'tBkt', label: 'T_BKT, mean local BKT temperature', unit: 'K', min: 1, max: 2.4, step: 0.001, value: d.tBkt },
    { name: 'rN', label: 'R_N, normal-state sheet resistance', unit: 'Ω/□', min: 200, max: 5000, step: 1, value: d.rN },
    { name: 'spread', label: 'σ, spread of the local T_BKT', unit: 'K', min: 0, max: 0.4, step: 0.001, value: d.spread },
    { name: 'logT', type: 'toggle', label: 'logarithmic temperature axis', value: d.logT },
  ];
}

export const defaults = (ktao) => ktao.rtDefaults();

/** T_BKT and T_c0, which keep that order. */
const TRANSITIONS = ['tBkt', 'tc0'];

/**
 * Choosing a sample sets the sliders to its preset; moving T_c0 below T_BKT
 * (or T_BKT above T_c0) takes the other along, 0.01 K away.
 */
export function linked(ktao, name, value, state) {
  if (name !== 'preset') return keepOrder(name, value, state, TRANSITIONS, 0.01);
  const p = ktao.transportPreset(value);
  return { tc0: p.tc0, tBkt: p.tBkt, rN: p.rN, spread: p.tBktSpread };
}

function check(s) {
  checkOrder(s, TRANSITIONS, `T_BKT (${s.tBkt} K) must lie below T_c0 (${s.tc0} K): vortex pairs unbind below the mean-field transition`);
  return s;
}

export const draw = (ktao, canvas, state, scale) => ktao.drawRt(canvas, check(state), scale);
export const svg = (ktao, state, width, height) => ktao.svgRt(check(state), width, height);

const k3 = (v) => (v == null ? '—' : v.toFixed(3));

export function readouts({ samples, logT, frame }) {
  const [t0, t1] = logT ? frame.x.map((x) => 10 ** x) : frame.x;
  const rows = [{ label: 'temperature axis', value: `${logT ? 'logarithmic' : 'linear'}, ${fixed(t0)} to ${fixed(t1)}`, unit: 'K' }];
  for (const s of samples) {
    const tt = s.transitions;
    rows.push({
      label: `${s.label}: T_c onset · midpoint · zero`,
      value: tt ? `${k3(tt.onset)} · ${k3(tt.mid)} · ${k3(tt.zero)}` : 'no transition above 1.5 K',
      unit: tt ? 'K' : '',
    });
    rows.push({ label: `${s.name} in the paper: onset · zero`, value: PAPER[s.name].map((v) => v.toFixed(2)).join(' · '), unit: 'K' });
    if (tt) rows.push({ label: `${s.label}: R_s at 5 K`, value: fixed(tt.rNormal), unit: 'Ω/□' });
  }
  return rows;
}

export function summary({ samples, logT }) {
  const parts = samples.map((s) => {
    const tt = s.transitions;
    if (!tt) return `${s.label} stays resistive down to 1.5 K`;
    return `${s.label} starts to superconduct at ${k3(tt.onset)} K and reaches zero resistance at ${k3(tt.zero)} K`;
  });
  return `Sheet resistance against temperature${logT ? ' (logarithmic axis)' : ''} from 300 K down to 1.5 K: `
    + `both interfaces are metallic, then ${parts.join('; ')}.`;
}

/** The plotted temperatures shown as points: all above 3.25 K, every tenth in the transition. */
const shown = (t) => t.map((_, i) => i).filter((i) => t[i] > 3.25 || i % 10 === 0);

export function points({ t, samples, logT }) {
  const idx = shown(t);
  return samples.flatMap((s) => idx.map((i) => ({
    x: logT ? Math.log10(t[i]) : t[i],
    y: s.r[i],
    text: `${s.name}: T = ${fixed(t[i])} K, R_s = ${fixed(s.r[i])} Ω/□`,
  })));
}

export function table({ t, samples }) {
  const idx = shown(t);
  return {
    caption: 'Fig. 1b: sheet resistance (every point above 3.25 K, every 50 mK below)',
    columns: [
      { name: 'T', unit: 'K', values: idx.map((i) => t[i]) },
      ...samples.map((s) => ({ name: `R_s ${s.label}`, unit: 'Ω/□', values: idx.map((i) => s.r[i]) })),
    ],
  };
}

export function csv({ t, samples }) {
  return {
    columns: [
      { name: 'T', unit: 'K', values: t },
      ...samples.map((s) => ({ name: `R_s ${s.label}`, unit: 'Ω/□', values: s.r })),
    ],
  };
}
