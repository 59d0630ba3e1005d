// m–H loop → processLoop (physics.md §9, as Fig. 2): centred, the
// high-field slope subtracted, M_s, M_r and H_c with their errors, M_s per
// interface unit cell of KTaO₃(111) on the sample's area.
import { pm, fixed, q, thin } from '../shared.js';

export const id = 'loop';
export const title = 'm–H loop: M_s, M_r, H_c and μ_B per interface unit cell';
export const figure = 'Fig. 2';
export const roles = [
  { name: 'field', label: 'Field H', quantity: 'field', unit: 'Oe' },
  { name: 'moment', label: 'Moment m', quantity: 'moment', unit: 'emu' },
];
/** One loop per temperature set point. */
export const segments = 'temperature';

export function options(d) {
  return [
    { name: 'areaMm2', label: 'Sample area', unit: 'mm²', value: d.areaMm2, positive: true },
    { name: 'hSatOe', label: 'Saturation field: the slope is fitted where |H − H₀| ≥ it', unit: 'Oe', value: null, auto: 'auto: the top 30 % of the field range', positive: true },
    { name: 'thicknessNm', label: 'Magnetic layer thickness, for M_s in A/m', unit: 'nm', value: null, auto: 'none', positive: true },
    { name: 'view', type: 'select', label: 'Show', value: d.view, options: [['corrected', 'the corrected loop, with ±M_s'], ['raw', 'the loop as measured, with the fitted background']] },
  ];
}

export function readouts({ report: r, areaMm2 }) {
  const rows = [
    { label: 'M_s, saturation moment', value: pm(r.ms, r.msError), unit: 'emu' },
    { label: `M_s per interface unit cell (${fixed(areaMm2)} mm²)`, value: pm(r.msMuBPerCell, r.msMuBPerCellError), unit: 'μ_B' },
  ];
  if (r.msAPerM != null) rows.push({ label: 'M_s per volume', value: pm(r.msAPerM, r.msAPerMError), unit: 'A/m' });
  rows.push(
    { label: 'M_r, remanent moment', value: pm(r.mr, r.mrError), unit: 'emu' },
    { label: 'H_c, coercive field', value: pm(r.hc, r.hcError), unit: 'Oe' },
    { label: 'M_r/M_s, squareness', value: pm(r.squareness, r.squarenessError), unit: '' },
    { label: 'χ, high-field slope', value: pm(r.slope, r.slopeError), unit: 'emu/Oe' },
    { label: 'H₀, field offset of the centre', value: pm(r.offsetH, r.offsetHError), unit: 'Oe' },
    { label: 'M₀, moment offset', value: pm(r.offsetM, r.offsetMError), unit: 'emu' },
    { label: 'saturation field used', value: fixed(r.hSatOe), unit: 'Oe' },
    { label: 'closure error (drift over the sweep)', value: pm(r.closureError, r.closureErrorError), unit: 'emu' },
    { label: 'opening at high field', value: pm(r.opening, r.openingError), unit: 'emu' },
    { label: 'noise of the branches’ mismatch', value: fixed(r.noise), unit: 'emu' },
    { label: 'Q = log₁₀(signal/noise)', value: fixed(r.q), unit: '' },
    { label: 'high-field window linear', value: r.linear ? 'yes' : `no (curvature ${fixed(r.curvatureT)} σ)`, unit: '' },
  );
  return rows;
}

export const notes = ({ report }) => report.warnings;

export function summary({ report: r, view }) {
  return `${view === 'raw' ? 'The loop as measured, with the fitted high-field background.' : 'The loop centred and corrected for its high-field slope.'} `
    + `It saturates at M_s = ${pm(r.ms, r.msError)} emu (${pm(r.msMuBPerCell, r.msMuBPerCellError)} μ_B per interface unit cell), `
    + `with a coercive field of ${pm(r.hc, r.hcError)} Oe and a remanence of ${pm(r.mr, r.mrError)} emu; `
    + `the slope χ = ${pm(r.slope, r.slopeError)} emu/Oe is fitted where |H − H₀| ≥ ${fixed(r.hSatOe)} Oe.`;
}

export function points({ hOe, mEmu, report, view }) {
  const [h, m] = view === 'raw' ? [hOe, mEmu] : [report.hCentered, report.mCorrected];
  const what = view === 'raw' ? ['H', 'm'] : ['H − H₀', 'm corrected'];
  return thin(h.length).map((i) => ({ x: h[i], y: m[i], text: `${what[0]} = ${fixed(h[i])} Oe, ${what[1]} = ${fixed(m[i])} emu` }));
}

/** The data, the corrected loop and the fitted high-field model m = M₀ + χ(H − H₀) ± M_s. */
export function csv({ hOe, mEmu, report: r }) {
  const fit = Array.from(hOe, (h) => r.offsetM + r.slope * (h - r.offsetH) + Math.sign(h - r.offsetH) * r.ms);
  return {
    columns: [
      { name: 'H', unit: 'Oe', values: hOe },
      { name: 'm', unit: 'emu', values: mEmu },
      { name: 'H - H0', unit: 'Oe', values: r.hCentered },
      { name: 'm corrected', unit: 'emu', values: r.mCorrected },
      { name: 'm fitted high-field model', unit: 'emu', values: fit },
    ],
  };
}

export function json({ report: r, areaMm2 }) {
  return {
    ms: q(r.ms, r.msError, 'emu'),
    msPerInterfaceCell: q(r.msMuBPerCell, r.msMuBPerCellError, 'μ_B per interface unit cell'),
    areaMm2: q(areaMm2, null, 'mm²'),
    msPerVolume: r.msAPerM == null ? null : q(r.msAPerM, r.msAPerMError, 'A/m'),
    mr: q(r.mr, r.mrError, 'emu'),
    hc: q(r.hc, r.hcError, 'Oe'),
    squareness: q(r.squareness, r.squarenessError, ''),
    slope: q(r.slope, r.slopeError, 'emu/Oe'),
    offsetH: q(r.offsetH, r.offsetHError, 'Oe'),
    offsetM: q(r.offsetM, r.offsetMError, 'emu'),
    hSat: q(r.hSatOe, null, 'Oe'),
    closureError: q(r.closureError, r.closureErrorError, 'emu'),
    opening: q(r.opening, r.openingError, 'emu'),
    noise: q(r.noise, null, 'emu'),
    pointNoise: q(r.pointNoise, null, 'emu'),
    q: q(r.q, null, 'log10(signal/noise)'),
    linear: r.linear,
    curvatureT: q(r.curvatureT, null, 'σ'),
    warnings: r.warnings,
  };
}
