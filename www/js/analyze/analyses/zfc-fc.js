// M(T) after zero-field and field cooling → both branches and their
// bifurcation (irreversibility) temperature, as Fig. S5.
import { fixed, q, thin } from '../shared.js';

export const id = 'zfc-fc';
export const title = 'M(T), ZFC and FC: the branches and their bifurcation temperature';
export const figure = 'Fig. S5';
export const roles = [
  { name: 'temperature', label: 'Temperature T', quantity: 'temperature', unit: 'K' },
  { name: 'moment', label: 'Moment m', quantity: 'moment', unit: 'emu' },
];
/** The ZFC and FC runs, found as temperature sweeps. */
export const segments = 'zfcfc';

export const options = () => [];

export function readouts({ bifurcation: b, zfcPeakK, zfcT, fcT, message }) {
  const rows = [
    { label: 'T_irr, where FC and ZFC part', value: b?.temperatureK != null ? b.temperatureK.toFixed(3) : '—', unit: b?.temperatureK != null ? 'K' : '' },
    { label: 'ZFC maximum at', value: zfcPeakK.toFixed(3), unit: 'K' },
    { label: 'points: ZFC · FC', value: `${zfcT.length} · ${fcT.length}`, unit: '' },
  ];
  if (b) {
    rows.push(
      { label: 'largest FC − ZFC', value: fixed(b.splitMax), unit: 'emu' },
      { label: 'noise of FC − ZFC', value: fixed(b.noise), unit: 'emu' },
      { label: 'threshold (2 % of the split, ≥ 3σ)', value: fixed(b.threshold), unit: 'emu' },
    );
  }
  return rows;
}

export const notes = ({ message }) => (message ? [message] : []);

export function summary({ bifurcation: b, zfcPeakK, message }) {
  const tirr = b?.temperatureK != null ? `The FC and ZFC branches part below T_irr = ${fixed(b.temperatureK)} K` : (message ?? '');
  return `${tirr}; the ZFC moment is largest at ${fixed(zfcPeakK)} K.`;
}

export function points({ zfcT, zfcM, fcT, fcM }) {
  const p = (t, m, name) => thin(t.length, 1000).map((i) => ({ x: t[i], y: m[i], text: `${name}: T = ${fixed(t[i])} K, m = ${fixed(m[i])} emu` }));
  return [...p(zfcT, zfcM, 'ZFC'), ...p(fcT, fcM, 'FC')];
}

export function csv({ zfcT, zfcM, fcT, fcM, bifurcation: b }) {
  return {
    columns: [
      { name: 'T ZFC', unit: 'K', values: zfcT },
      { name: 'm ZFC', unit: 'emu', values: zfcM },
      { name: 'T FC', unit: 'K', values: fcT },
      { name: 'm FC', unit: 'emu', values: fcM },
      { name: 'T common', unit: 'K', values: b?.t ?? [] },
      { name: 'FC - ZFC (oriented)', unit: 'emu', values: b?.split ?? [] },
    ],
  };
}

export function json({ bifurcation: b, zfcPeakK, zfcT, fcT, message }) {
  return {
    tIrr: q(b?.temperatureK ?? null, null, 'K'),
    separated: b?.separated ?? null,
    persists: b?.persists ?? null,
    splitMax: q(b?.splitMax ?? null, null, 'emu'),
    noise: q(b?.noise ?? null, null, 'emu'),
    threshold: q(b?.threshold ?? null, null, 'emu'),
    zfcPeak: q(zfcPeakK, null, 'K'),
    points: { zfc: zfcT.length, fc: fcT.length },
    message: message ?? null,
  };
}
