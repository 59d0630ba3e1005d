// What every analysis of the page shares: columns to the analysis's units,
// the option inputs, and the formatting of fitted numbers for the readouts
// and the JSON export. Text reaches the page through textContent only.
import { el } from '../dom.js';
import { withError, fixed as plain } from '../format.js';

export { el };

const SUP = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const sup = (n) => [...String(n)].map((c) => SUP[c]).join('');

/**
 * A value with its error as a physicist writes it (two digits of the
 * error), or the value alone to four digits; magnitudes below 10⁻³ or from
 * 10⁵ up share a power of ten: "(9.221 ± 0.077) × 10⁻⁷".
 */
export function pm(value, error) {
  if (!Number.isFinite(value)) return value == null ? '—' : String(value);
  const hasError = Number.isFinite(error) && error > 0;
  const mag = Math.abs(value) || (hasError ? error : 0);
  const e = mag ? Math.floor(Math.log10(mag)) : 0;
  if (e >= -3 && e < 5) return hasError ? withError(value, error) : plain(value);
  const s = 10 ** e;
  return hasError ? `(${withError(value / s, error / s)}) × 10${sup(e)}` : `${plain(value / s)} × 10${sup(e)}`;
}

/** A value alone, as `pm` writes it. */
export const fixed = (value) => pm(value, NaN);

/** Fitted parameters of a common fit object as { name: { value, error, unit } }. */
export function fitJson(fit, units = {}) {
  if (!fit) return null;
  const params = Object.fromEntries(Object.entries(fit.params)
    .map(([name, value]) => [name, { value, error: fit.errors[name], unit: units[name] ?? '' }]));
  const { covariance, rss, redchi, aic, bic, n, p, iterations, converged, message } = fit;
  return { params, covariance, rss, redchi, aic, bic, n, p, iterations, converged, message };
}

/** { value, error, unit } for the JSON export. */
export const q = (value, error, unit) => ({ value, error: error ?? null, unit });

/** At most `max` evenly spaced indices of `n` (pointer readouts on large files). */
export function thin(n, max = 2000) {
  const step = Math.max(1, Math.ceil(n / max));
  const out = [];
  for (let i = 0; i < n; i += step) out.push(i);
  return out;
}

/**
 * The values of `column` in `unit` (a Float64Array), with a note when the
 * header gives no unit; a column in another kind of unit is an Error.
 */
export function inUnit(ktao, column, unit, role) {
  if (!column.unit) {
    return { values: column.values, note: `${column.header} states no unit: read as ${unit}` };
  }
  let k;
  try {
    k = column.unit === unit ? 1 : angle(column.unit, unit) ?? ktao.unitFactor(column.unit, unit);
  } catch (err) {
    throw new Error(`${role} must be a column in ${unit} or a unit convertible to it: ${column.header} is in ${column.unit} (${err.message})`);
  }
  if (k === 1) return { values: column.values, note: null };
  const out = new Float64Array(column.values.length);
  for (let i = 0; i < out.length; i++) out[i] = column.values[i] * k;
  return { values: out, note: null };
}

/** The factor between angle units (the library's units are physical quantities only). */
function angle(from, to) {
  if (to !== 'deg') return null;
  if (/^(deg|degrees?|°)$/i.test(from)) return 1;
  if (/^(rad|radians?)$/i.test(from)) return 180 / Math.PI;
  return null;
}

let uid = 0;

/**
 * An option input: a number with its unit (empty = the library chooses,
 * when `auto`), or a select. Returns { box, read() } where read() gives the
 * value or throws an Error naming the option.
 */
export function optionInput(spec, onChange) {
  const id = `analyze-${spec.name}-${++uid}`;
  const box = el('div', { class: 'ktao-control' });
  const label = el('label', { for: id }, spec.label);
  if (spec.unit) label.append(' ', el('span', { class: 'ktao-unit' }, `(${spec.unit})`));
  if (spec.type === 'select') {
    const sel = el('select', { id, name: spec.name });
    for (const [value, text] of spec.options) sel.append(el('option', { value }, text));
    sel.value = spec.value;
    sel.addEventListener('change', onChange);
    box.append(label, sel);
    return { box, read: () => sel.value };
  }
  const input = el('input', { id, name: spec.name, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  if (spec.auto) input.setAttribute('placeholder', spec.auto);
  if (spec.value != null) input.value = String(spec.value);
  input.addEventListener('change', onChange);
  box.append(label, input);
  return {
    box,
    read() {
      const text = input.value.trim();
      if (text === '') {
        if (spec.auto) return null;
        throw new Error(`${spec.label} is empty: give a number in ${spec.unit}`);
      }
      const v = Number(text);
      if (!Number.isFinite(v) || (spec.positive && v <= 0)) {
        throw new Error(`${spec.label} must be a ${spec.positive ? 'positive ' : ''}number in ${spec.unit}, got "${text}"`);
      }
      return v;
    },
  };
}
