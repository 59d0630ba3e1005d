// Fig. 2: in-plane m–H loops of both samples at several temperatures, raw
// (with the KTaO₃ substrate's diamagnetism) or corrected, each loop processed
// as a SQUID user does it (processLoop): M_s, M_r and H_c with errors, M_s
// also in μ_B per interface unit cell. The sliders set one sample (the
// sample switch says which); the other keeps its preset.
import { withError, fixed } from '../format.js';

const SAMPLES = [['LAO/KTO', 'LaAlO₃/KTaO₃(111)'], ['YAO/KTO', 'YAlO₃/KTaO₃(111)']];
const NAMES = Object.fromEntries(SAMPLES);
const ENSEMBLES = [
  ['inplane', 'random in the film plane'],
  ['spread', 'textured: spread about the field'],
  ['aligned', 'all along the field'],
  ['random3d', 'random in three dimensions'],
];
const TEMPERATURE_SETS = [
  ['1.8,50,100,200,300', '1.8, 50, 100, 200 and 300 K'],
  ['1.8,300', '1.8 and 300 K'],
  ['1.8,5,10,20,50', '1.8 to 50 K'],
  ['100,200,300,400,450', '100 to 450 K, towards T_c = 500 K'],
  ['1.8,50,100,150,200,250,300,350', 'eight, 1.8 to 350 K'],
];
/** The sample area of the μ_B axis, mm² (5 mm × 5 mm, as processLoop assumes). */
const AREA_MM2 = 25;

/** μ_B per interface unit cell per emu on the sample. */
const perCell = (ktao) => ktao.momentPerCell(1, AREA_MM2);

/** The library's defaults for `sample` in the page's units. */
function pageDefaults(ktao, sample) {
  const d = ktao.magnetLoopsDefaults(sample);
  return {
    sample: d.sample, hkOe: d.hkOe, ms: d.msEmu * perCell(ktao), ensemble: d.ensemble, spreadDeg: d.spreadDeg,
    temperaturesK: d.temperaturesK.join(','), chi: d.chiEmuPerOe * 1e8, noise: d.noiseEmu * 1e9, corrected: d.corrected,
  };
}

/** @param {object} d the paper's values (`defaults`) */
export function controls(d) {
  return [
    { name: 'sample', type: 'select', label: 'the sliders set the sample', options: SAMPLES, value: d.sample },
    { name: 'hkOe', label: 'H_K, median anisotropy field', unit: 'Oe', min: 50, max: 1500, step: 1, value: d.hkOe },
    { name: 'ms', label: 'M_s at T → 0', unit: 'μ_B per interface unit cell', min: 0.01, max: 1, step: 0.001, value: d.ms },
    { name: 'ensemble', type: 'select', label: 'easy axes of the particles', options: ENSEMBLES, value: d.ensemble },
    { name: 'spreadDeg', label: 'spread of the easy axes (textured ensemble)', unit: '°', min: 0, max: 90, step: 0.5, value: d.spreadDeg },
    { name: 'temperaturesK', type: 'select', label: 'temperatures of the loops', options: TEMPERATURE_SETS, value: d.temperaturesK },
    { name: 'chi', label: 'χ, diamagnetism of the substrate', unit: '10⁻⁸ emu/Oe', min: -50, max: 0, step: 0.01, value: d.chi },
    { name: 'noise', label: 'noise of one point', unit: '10⁻⁹ emu', min: 0, max: 50, step: 0.1, value: d.noise },
    { name: 'corrected', type: 'toggle', label: 'subtract the substrate (corrected loops)', value: d.corrected },
  ];
}

export const defaults = (ktao) => pageDefaults(ktao, 'LAO/KTO');

/**
 * Choosing a sample sets the sliders to its preset; moving the spread
 * chooses the textured ensemble, the one it belongs to.
 */
export function linked(ktao, name, value) {
  if (name === 'sample') {
    const { sample, temperaturesK, corrected, ...rest } = pageDefaults(ktao, value);
    return rest;
  }
  if (name === 'spreadDeg') return { ensemble: 'spread' };
  return null;
}

const seeds = new Map();
/** The noise seed of `sample`'s preset (each sample has its own noise). */
function seed(ktao, sample) {
  if (!seeds.has(sample)) seeds.set(sample, ktao.magnetLoopsDefaults(sample).seed);
  return seeds.get(sample);
}

/** The library's state for the page's state. */
const modelState = (ktao, s) => ({
  sample: s.sample, ensemble: s.ensemble, spreadDeg: s.spreadDeg, hkOe: s.hkOe, msEmu: s.ms / perCell(ktao),
  temperaturesK: s.temperaturesK, chiEmuPerOe: s.chi * 1e-8, noiseEmu: s.noise * 1e-9, corrected: s.corrected,
  seed: seed(ktao, s.sample),
});

export const draw = (ktao, canvas, state, scale) => ktao.drawMagnetLoops(canvas, modelState(ktao, state), scale);
export const svg = (ktao, state, width, height) => ktao.svgMagnetLoops(modelState(ktao, state), width, height);

const E7 = 1e7;
const E8 = 1e8;
/** The loop's remanence is more than three standard errors above zero. */
const open = (r) => r.mr > 3 * r.mrError && Number.isFinite(r.hc);

export function readouts({ panels, sample, corrected, unitEmu, frame }) {
  const rows = [{
    label: 'moment axis',
    value: `${corrected ? 'corrected' : 'raw'}, ±${fixed(frame.y[1] * unitEmu)}`,
    unit: 'emu',
  }];
  for (const p of panels) {
    const cold = p.loops[0];
    const warm = p.loops[p.loops.length - 1];
    const r = cold.report;
    const name = `${p.sample}${p.sample === sample ? ' (sliders)' : ' (preset)'}`;
    const t = `${name} at ${fixed(cold.temperatureK)} K`;
    rows.push(
      { label: `${t}: M_s`, value: withError(r.ms * E7, r.msError * E7), unit: '10⁻⁷ emu' },
      { label: `${t}: M_s per interface cell (paper ≈ 0.2)`, value: withError(r.msMuBPerCell, r.msMuBPerCellError), unit: 'μ_B' },
      { label: `${t}: M_r`, value: withError(r.mr * E7, r.mrError * E7), unit: '10⁻⁷ emu' },
      { label: `${t}: H_c`, value: withError(r.hc, r.hcError), unit: 'Oe' },
    );
    if (warm !== cold) {
      const w = warm.report;
      rows.push({
        label: `${name} at ${fixed(warm.temperatureK)} K: H_c${open(w) ? '' : ' (loop closed)'}`,
        value: withError(w.hc, w.hcError), unit: 'Oe',
      });
    }
    rows.push({ label: `${name}: substrate χ, fitted at ${fixed(cold.temperatureK)} K`, value: withError(r.slope * E8, r.slopeError * E8), unit: '10⁻⁸ emu/Oe' });
  }
  return rows;
}

export function summary({ panels, corrected }) {
  const parts = panels.map((p) => {
    const cold = p.loops[0];
    const warm = p.loops[p.loops.length - 1];
    const r = cold.report;
    let text = `${NAMES[p.sample]} saturates at ${fixed(r.msMuBPerCell)} μ_B per interface unit cell at ${fixed(cold.temperatureK)} K `
      + `with a coercive field of ${fixed(r.hc)} Oe`;
    if (warm !== cold) {
      text += open(warm.report)
        ? `, ${fixed(warm.report.hc)} Oe at ${fixed(warm.temperatureK)} K, where the loop is still open`
        : `; at ${fixed(warm.temperatureK)} K the loop has closed`;
    }
    const warnings = p.loops.reduce((n, l) => n + l.report.warnings.length, 0);
    if (warnings) text += ` (loop processing warns ${warnings} time${warnings > 1 ? 's' : ''}: ${p.loops.find((l) => l.report.warnings.length).report.warnings[0]})`;
    return text;
  });
  const temps = panels[0].loops.map((l) => fixed(l.temperatureK)).join(', ');
  return `In-plane m–H loops at ${temps} K, ${corrected ? 'corrected for the diamagnetism of the KTaO₃ substrate' : 'raw: the diamagnetic substrate dominates'}: `
    + `${parts.join('; ')}.`;
}

/** The shown (H, m) of a loop: centred and corrected, or as measured. */
const shown = (l, corrected) => (corrected ? [l.report.hCentered, l.report.mCorrected] : [l.loop.h, l.loop.m]);

/** Every fourth point of each loop, in its panel's frame. */
export function points({ panels, corrected, unitEmu }) {
  return panels.flatMap((p) => p.loops.flatMap((l) => {
    const [h, m] = shown(l, corrected);
    const out = [];
    for (let i = 0; i < h.length; i += 4) {
      out.push({
        x: h[i], y: m[i] / unitEmu, frame: p.frame,
        text: `${p.sample}, ${fixed(l.temperatureK)} K: H${corrected ? ' − H₀' : ''} = ${fixed(h[i])} Oe, m = ${fixed(m[i])} emu`,
      });
    }
    return out;
  }));
}

const label = (p, l) => `${p.sample} ${fixed(l.temperatureK)} K`;

export function table({ panels, corrected }) {
  const h = panels[0].loops[0].loop.h;
  const every = (v) => Array.from(v).filter((_, i) => i % 8 === 0);
  return {
    caption: `Fig. 2: m at every eighth applied field (all of them in the CSV export), ${corrected ? 'corrected (substrate slope and the loop\'s centre removed)' : 'raw'}`,
    columns: [
      { name: 'H∥ applied', unit: 'Oe', values: every(h) },
      ...panels.flatMap((p) => p.loops.map((l) => ({ name: `m ${label(p, l)}`, unit: 'emu', values: every(shown(l, corrected)[1]) }))),
    ],
  };
}

export function csv({ panels, corrected }) {
  const columns = [{ name: 'H applied', unit: 'Oe', values: Array.from(panels[0].loops[0].loop.h) }];
  for (const p of panels) {
    for (const l of p.loops) {
      if (corrected) {
        columns.push({ name: `H - H0 ${label(p, l)}`, unit: 'Oe', values: Array.from(l.report.hCentered) });
        columns.push({ name: `m corrected ${label(p, l)}`, unit: 'emu', values: Array.from(l.report.mCorrected) });
      } else {
        columns.push({ name: `m raw ${label(p, l)}`, unit: 'emu', values: Array.from(l.loop.m) });
      }
    }
  }
  return { columns };
}
