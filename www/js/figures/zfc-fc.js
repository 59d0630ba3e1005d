// Fig. S5: zero-field-cooled and field-cooled moment of both samples from
// 1.8 to 300 K at a small in-plane field, with the bifurcation (where FC and
// ZFC meet) marked. The volume and H_K sliders set one sample (the sample
// switch says which); the other keeps its preset. The field applies to both.
import { fixed } from '../format.js';

const SAMPLES = [['LAO/KTO', 'LaAlO₃/KTaO₃(111)'], ['YAO/KTO', 'YAlO₃/KTaO₃(111)']];
const NAMES = Object.fromEntries(SAMPLES);
const E5 = 1e5;

/** The library's defaults for `sample` in the page's units. */
function pageDefaults(ktao, sample) {
  const d = ktao.zfcFcDefaults(sample);
  return { ...d, volume: d.volumeNm3 / E5 };
}

/** @param {object} d the paper's values (`defaults`) */
export function controls(d) {
  return [
    { name: 'sample', type: 'select', label: 'the sliders set the sample', options: SAMPLES, value: d.sample },
    { name: 'hkOe', label: 'H_K, median anisotropy field', unit: 'Oe', min: 50, max: 1500, step: 1, value: d.hkOe },
    { name: 'volume', label: 'V, median particle volume', unit: '10⁵ nm³', min: 0.1, max: 50, step: 0.01, value: d.volume },
    { name: 'volumeSpread', label: 'σ, log-normal width of the volumes', unit: '', min: 0, max: 2, step: 0.01, value: d.volumeSpread },
    { name: 'fieldOe', label: 'H, measuring field in the plane', unit: 'Oe', min: 1, max: 1000, step: 1, value: d.fieldOe },
    { name: 'corrected', type: 'toggle', label: 'subtract the substrate\'s χH', value: d.corrected },
  ];
}

export const defaults = (ktao) => pageDefaults(ktao, 'LAO/KTO');

/** Choosing a sample sets the sliders to its preset. */
export function linked(ktao, name, value) {
  if (name !== 'sample') return null;
  const d = pageDefaults(ktao, value);
  return { hkOe: d.hkOe, volume: d.volume, volumeSpread: d.volumeSpread };
}

const modelState = (s) => ({
  sample: s.sample, fieldOe: s.fieldOe, volumeNm3: s.volume * E5, volumeSpread: s.volumeSpread, hkOe: s.hkOe,
  corrected: s.corrected,
});

export const draw = (ktao, canvas, state, scale) => ktao.drawZfcFc(canvas, modelState(state), scale);
export const svg = (ktao, state, width, height) => ktao.svgZfcFc(modelState(state), width, height);

const E8 = 1e8;
const last = (v) => v[v.length - 1];
/** FC − ZFC of the ferromagnet at the top of the range; zero below 1e-9 of the FC moment (rounding). */
function split(c) {
  const d = last(c.fcFerro) - last(c.zfcFerro);
  return Math.abs(d) < 1e-9 * Math.max(...c.fcFerro.map(Math.abs)) ? 0 : d;
}
/** The ZFC curve peaks at the end of the range: it is still rising there. */
const rising = (c) => c.zfcPeakK >= last(c.temperature);

export function readouts({ panels, sample, corrected, unitEmu, frame }) {
  const rows = [{
    label: 'moment axis',
    value: `${corrected ? 'substrate subtracted' : 'raw'}, ${fixed(frame.y[0] * unitEmu)} to ${fixed(frame.y[1] * unitEmu)}`,
    unit: 'emu',
  }];
  for (const p of panels) {
    const c = p.curves;
    const name = `${p.sample}${p.sample === sample ? ' (sliders)' : ' (preset)'}`;
    const tMax = last(c.temperature);
    rows.push(
      {
        label: `${name}: bifurcation T_irr (paper: above 300 K)`,
        value: c.bifurcationK == null ? `split persists to ${fixed(tMax)}` : fixed(c.bifurcationK),
        unit: 'K',
      },
      rising(c)
        ? { label: `${name}: ZFC maximum at`, value: `≥ ${fixed(c.zfcPeakK)}`, unit: 'K, still rising' }
        : { label: `${name}: ZFC maximum at`, value: fixed(c.zfcPeakK), unit: 'K' },
      { label: `${name}: FC at ${fixed(c.temperature[0])} K`, value: fixed(c.fc[0] * E8), unit: '10⁻⁸ emu' },
      { label: `${name}: ZFC at ${fixed(c.temperature[0])} K`, value: fixed(c.zfc[0] * E8), unit: '10⁻⁸ emu' },
      { label: `${name}: FC − ZFC at ${fixed(tMax)} K`, value: fixed(split(c) * E8), unit: '10⁻⁸ emu' },
    );
  }
  return rows;
}

export function summary({ panels, corrected }) {
  const c0 = panels[0].curves;
  const parts = panels.map((p) => {
    const c = p.curves;
    const split = c.bifurcationK == null
      ? `FC and ZFC stay apart up to ${fixed(last(c.temperature))} K`
      : `FC and ZFC meet at T_irr = ${fixed(c.bifurcationK)} K`;
    const rise = rising(c) ? 'the ZFC moment still rises at the top of the range' : `the ZFC moment peaks at ${fixed(c.zfcPeakK)} K`;
    return `${NAMES[p.sample]}: ${split}, ${rise}`;
  });
  return `Moment against temperature from ${fixed(c0.temperature[0])} to ${fixed(last(c0.temperature))} K in ${fixed(c0.fieldOe)} Oe `
    + `in the plane, after zero-field cooling (ZFC, warming) and field cooling (FC)${corrected ? ', the substrate\'s χH subtracted' : ', raw'}. `
    + `${parts.join('; ')}.`;
}

/** Every second point of both curves, in their panel's frame. */
export function points({ panels, unitEmu }) {
  return panels.flatMap((p) => {
    const c = p.curves;
    return [['ZFC', c.zfc], ['FC', c.fc]].flatMap(([what, m]) => Array.from(m).flatMap((v, i) => (i % 2 ? [] : [{
      x: c.temperature[i], y: v / unitEmu, frame: p.frame,
      text: `${p.sample} ${what}: T = ${fixed(c.temperature[i])} K, m = ${fixed(v)} emu`,
    }])));
  });
}

function columns(panels) {
  return [
    { name: 'T', unit: 'K', values: Array.from(panels[0].curves.temperature) },
    ...panels.flatMap((p) => [
      { name: `ZFC ${p.sample}`, unit: 'emu', values: Array.from(p.curves.zfc) },
      { name: `FC ${p.sample}`, unit: 'emu', values: Array.from(p.curves.fc) },
    ]),
  ];
}

export function table({ panels, corrected }) {
  return { caption: `Fig. S5: ZFC and FC moments${corrected ? ', substrate subtracted' : ', raw'}`, columns: columns(panels) };
}

export function csv({ panels }) {
  return { columns: columns(panels) };
}
