// Labelled, keyboard-operable controls built from a figure's declared controls:
// { name, label, unit, min, max, step, value } (a slider with a number box),
// { type: 'select', options: [[value, text]] } or { type: 'toggle' }.
import { el } from './dom.js';

let uid = 0;

/** The control with its default snapped to its step, so slider and state agree. */
export function snap(c) {
  if (c.type === 'select' || c.type === 'toggle') return { ...c, paper: c.value };
  const digits = Math.max(0, -Math.floor(Math.log10(c.step) + 1e-9));
  const v = Math.min(c.max, Math.max(c.min, Math.round(c.value / c.step) * c.step));
  const value = Number(v.toFixed(digits));
  return { ...c, value, paper: value };
}

/**
 * Builds one control; `onChange(name, value, error?)` is called on every change.
 * Returns { box, set(value) }.
 */
export function buildControl(c, onChange) {
  const id = `ktao-${c.name}-${++uid}`;
  const box = el('div', { class: `ktao-control ktao-control-${c.type ?? 'range'}` });
  const label = el('label', { for: id }, c.label);
  if (c.unit) label.append(' ', el('span', { class: 'ktao-unit' }, `(${c.unit})`));
  if (c.type === 'select') {
    const sel = el('select', { id, name: c.name });
    for (const [value, text] of c.options) sel.append(el('option', { value }, text));
    sel.value = c.value;
    sel.addEventListener('change', () => onChange(c.name, sel.value));
    box.append(label, sel);
    return { box, set: (v) => { sel.value = v; } };
  }
  if (c.type === 'toggle') {
    const box2 = el('input', { id, name: c.name, type: 'checkbox' });
    box2.checked = Boolean(c.value);
    box2.addEventListener('change', () => onChange(c.name, box2.checked));
    box.append(box2, label);
    return { box, set: (v) => { box2.checked = Boolean(v); } };
  }
  const range = el('input', { id, name: c.name, type: 'range', min: c.min, max: c.max, step: c.step });
  const num = el('input', {
    type: 'number', name: `${c.name}-exact`, min: c.min, max: c.max, step: c.step,
    'aria-label': `${c.label} (${c.unit}), exact value`,
  });
  range.value = num.value = c.value;
  range.addEventListener('input', () => { num.value = range.value; onChange(c.name, Number(range.value)); });
  num.addEventListener('change', () => {
    const v = Number(num.value);
    if (num.value === '' || !Number.isFinite(v) || v < c.min || v > c.max) {
      onChange(c.name, NaN, `${c.label} must be a number from ${c.min} to ${c.max} ${c.unit}`);
      return;
    }
    range.value = v;
    onChange(c.name, v);
  });
  box.append(label, range, num);
  return { box, set: (v) => { range.value = num.value = v; } };
}

/**
 * Reads a value for control `c` from text (a URL fragment or an attribute):
 * { value } when it is valid, { error } otherwise.
 */
export function parseValue(c, text) {
  if (c.type === 'select') {
    return c.options.some(([v]) => v === text) ? { value: text }
      : { error: `${c.label}: "${text}" is not one of ${c.options.map(([v]) => v).join(', ')}` };
  }
  if (c.type === 'toggle') {
    if (['1', 'true', 'on'].includes(text)) return { value: true };
    if (['0', 'false', 'off'].includes(text)) return { value: false };
    return { error: `${c.label}: "${text}" is not on or off` };
  }
  const v = Number(text);
  if (text === '' || !Number.isFinite(v) || v < c.min || v > c.max) {
    return { error: `${c.label}: "${text}" is not a number from ${c.min} to ${c.max} ${c.unit}` };
  }
  return { value: v };
}

/** A control's value as text for the URL and for attributes. */
export function formatValue(c, value) {
  if (c.type === 'toggle') return value ? '1' : '0';
  return String(value);
}
