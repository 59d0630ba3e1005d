// The shared page module: a figure declares its controls, its draw call and
// its readouts (js/figures/<id>.js); this module builds the labelled,
// keyboard-operable controls, sizes the canvas for the screen's pixel ratio,
// redraws on input and shows every error in a visible status line.
import { loadKtao } from './ktao.js';
import { FIGURES } from './figures/index.js';

/** Creates an element with attributes and text (never HTML). */
export function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

let uid = 0;

/** A control's value snapped to its step, so the slider and the state agree. */
function snap(c) {
  if (c.type === 'select' || c.type === 'toggle') return c;
  const digits = Math.max(0, -Math.floor(Math.log10(c.step) + 1e-9));
  const v = Math.min(c.max, Math.max(c.min, Math.round(c.value / c.step) * c.step));
  return { ...c, value: Number(v.toFixed(digits)), paper: Number(v.toFixed(digits)) };
}

function buildControl(c, onChange) {
  const id = `ktao-${c.name}-${++uid}`;
  const box = el('div', { class: 'control' });
  const label = el('label', { for: id }, c.label);
  if (c.unit) label.append(' ', el('span', { class: 'unit' }, `(${c.unit})`));
  box.append(label);
  const set = {};
  if (c.type === 'select') {
    const sel = el('select', { id, name: c.name });
    for (const [value, text] of c.options) sel.append(el('option', { value }, text));
    sel.value = c.value;
    sel.addEventListener('change', () => onChange(c.name, sel.value));
    box.append(sel);
    set.value = (v) => { sel.value = v; };
  } else if (c.type === 'toggle') {
    const box2 = el('input', { id, name: c.name, type: 'checkbox' });
    box2.checked = Boolean(c.value);
    box2.addEventListener('change', () => onChange(c.name, box2.checked));
    box.prepend(box2);
    set.value = (v) => { box2.checked = Boolean(v); };
  } else {
    const range = el('input', { id, name: c.name, type: 'range', min: c.min, max: c.max, step: c.step });
    const num = el('input', {
      type: 'number', min: c.min, max: c.max, step: c.step, 'aria-label': `${c.label} (${c.unit}), exact value`,
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
    box.append(range, num);
    set.value = (v) => { range.value = num.value = v; };
  }
  return { box, set };
}

/**
 * Mounts figure `id` into `root`.
 * @param {HTMLElement} root the container, emptied first
 * @param {string} id a key of FIGURES
 * @param {{controls?: boolean, state?: object}} options
 * @returns {Promise<object>} a handle: { state, set(name, value), redraw(), result() }
 */
export async function mountFigure(root, id, options = {}) {
  const entry = FIGURES[id];
  if (!entry) throw new Error(`figure must be one of ${Object.keys(FIGURES).join(', ')}, got "${id}"`);
  const [ktao, fig] = await Promise.all([loadKtao(), entry.load()]);
  const specs = fig.controls(fig.defaults(ktao)).map(snap);
  const state = Object.fromEntries(specs.map((c) => [c.name, c.value]));
  Object.assign(state, options.state ?? {});

  root.replaceChildren();
  root.classList.add('ktao-figure');
  const plot = el('div', { class: 'plot' });
  const canvas = el('canvas', { role: 'img', 'aria-label': `${entry.paper}: ${entry.title}` });
  plot.append(canvas);
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const readouts = el('table', { class: 'readouts' });
  const form = el('form', { class: 'controls', 'aria-label': `${entry.paper} controls` });
  form.addEventListener('submit', (e) => e.preventDefault());
  const setters = {};
  let inputError = null;
  for (const c of specs) {
    const { box, set } = buildControl(c, (name, value, error) => {
      inputError = error ?? null;
      if (!error) state[name] = value;
      schedule();
    });
    setters[c.name] = set;
    form.append(box);
  }
  const reset = el('button', { type: 'button', class: 'reset' }, 'Paper values');
  reset.addEventListener('click', () => {
    for (const c of specs) { state[c.name] = c.paper ?? c.value; setters[c.name].value(state[c.name]); }
    inputError = null;
    schedule();
  });
  form.append(reset);
  if (options.controls === false) form.hidden = true;
  root.append(plot, form, readouts, status);

  let last = null;
  let frame = 0;
  function draw() {
    frame = 0;
    if (inputError) { status.textContent = inputError; status.classList.add('error'); return; }
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(canvas.clientWidth * dpr);
    const h = Math.round(canvas.clientHeight * dpr);
    if (w < 40 || h < 40) return; // hidden: drawn when it becomes visible
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    try {
      last = fig.draw(ktao, canvas, state, dpr);
      showReadouts(readouts, fig.readouts(last));
      status.textContent = '';
      status.classList.remove('error');
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
      status.classList.add('error');
    }
    root.dataset.draws = String(Number(root.dataset.draws ?? 0) + 1);
    root.dispatchEvent(new CustomEvent('ktao-drawn', { detail: { result: last } }));
  }
  function schedule() { if (!frame) frame = requestAnimationFrame(draw); }
  new ResizeObserver(schedule).observe(plot);
  schedule();

  return {
    state,
    set(name, value) { state[name] = value; setters[name]?.value(value); schedule(); },
    redraw: draw,
    result: () => last,
    svg: (width, height) => fig.svg(ktao, state, width, height),
  };
}

function showReadouts(table, rows) {
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    tr.append(el('th', { scope: 'row' }, r.label), el('td', {}, r.unit ? `${r.value} ${r.unit}` : r.value));
    body.append(tr);
  }
  table.replaceChildren(el('caption', {}, 'Fit results'), body);
}
