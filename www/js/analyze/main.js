// The page analyze.html: a researcher's own file, read in a Web Worker,
// analysed and drawn by the library on the page's thread, with every
// fitted number, its error and unit, and the exports. The analyses are
// declared in js/analyze/analyses/; this module wires the page.
import { loadKtao } from '../ktao.js';
import { el, download } from '../dom.js';
import { exportPng, exportSvg, exportCsv } from '../export.js';
import { setupPointer } from '../pointer.js';
import { ANALYSES } from './analyses/index.js';
import { inUnit, optionInput, fixed } from './shared.js';
import '../offline.js';

const $ = (id) => document.getElementById(id);
const ui = {
  drop: $('drop'), input: $('file'), progress: $('progress'), alert: $('alert'),
  info: $('file-info'), facts: $('file-facts'), warnings: $('file-warnings'),
  setup: $('setup'), analysis: $('analysis'), columns: $('columns'), rows: $('rows'), options: $('options'),
  result: $('result'), plot: $('plot'), canvas: $('canvas'), readouts: $('readouts'), notes: $('notes'),
  summary: $('summary'), status: $('status'), exports: $('exports'),
};

/** What the page holds: the file read, the analysis chosen and its inputs. */
const page = {
  ktao: null, file: null, name: '', analysis: null, roles: {}, segments: [], options: [],
  data: null, opts: null, result: null, notes: [], frame: 0, draws: 0,
};
// For the page's tests and for the curious reader's console.
window.ktaoAnalyze = page;

// ---- reading, in the worker -------------------------------------------------

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const pending = new Map();
let asked = 0;
worker.addEventListener('message', (e) => {
  const done = pending.get(e.data.id);
  pending.delete(e.data.id);
  done?.(e.data);
});
worker.addEventListener('error', (e) => {
  e.preventDefault();
  for (const done of pending.values()) done({ error: `the file reader could not start: ${e.message ?? 'unknown error'}` });
  pending.clear();
});

function read(file) {
  return new Promise((resolve) => {
    const id = ++asked;
    pending.set(id, resolve);
    worker.postMessage({ id, file });
  });
}

const size = (n) => (n < 1e3 ? `${n} bytes` : n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : `${(n / 1e6).toFixed(1)} MB`);

async function openFile(file) {
  if (!file) return;
  showError('');
  ui.progress.textContent = `Reading ${file.name} (${size(file.size)}) …`;
  document.body.dataset.reading = 'true';
  const [answer] = await Promise.all([read(file), ready]);
  delete document.body.dataset.reading;
  document.body.dataset.reads = String(Number(document.body.dataset.reads ?? 0) + 1);
  if (answer.error) {
    ui.progress.textContent = '';
    showError(`${file.name} could not be read: ${answer.error}`);
    return;
  }
  page.file = answer.file;
  page.name = file.name;
  ui.progress.textContent = `Read ${file.name}: ${answer.file.rows.toLocaleString('en')} rows in ${Math.round(answer.ms)} ms.`;
  showFile(answer.file, file);
  ui.analysis.value = guessAnalysis(answer.file);
  setupAnalysis();
  document.body.dataset.files = String(Number(document.body.dataset.files ?? 0) + 1);
}

// ---- the file ----------------------------------------------------------------

const INSTRUMENT_NAMES = { MPMS3: 'MPMS3 (SQUID-VSM)', 'MPMS-XL': 'MPMS-XL', 'PPMS Resistivity': 'PPMS Resistivity', 'PPMS ETO': 'PPMS ETO', 'PPMS AC Transport': 'PPMS AC Transport', 'PPMS VSM': 'PPMS VSM' };
const FORMAT_NAMES = { multivu: 'Quantum Design MultiVu .dat', csv: 'CSV', tsv: 'TSV' };

function showFile(f, file) {
  const facts = [
    ['File', `${file.name} (${size(file.size)})`],
    ['Format', FORMAT_NAMES[f.format] ?? f.format],
    ['Instrument', f.instrument ? INSTRUMENT_NAMES[f.instrument] ?? f.instrument : 'not stated'],
    ['Rows', f.rows.toLocaleString('en')],
    ['Skipped rows', String(f.skippedRows)],
    ['Columns', `${f.columns.length} (${f.columns.filter((c) => c.count > 0).length} with numbers)`],
    ['Encoding', `${f.metadata.encoding}, ${f.metadata.lineEnding} line ends`],
  ];
  if (f.metadata.title) facts.push(['Title', f.metadata.title]);
  if (f.metadata.time?.first) facts.push(['Measured', `${f.metadata.time.first} to ${f.metadata.time.last}`]);
  ui.facts.replaceChildren();
  for (const [k, v] of facts) {
    const key = k.toLowerCase().replace(/\s+/g, '-');
    ui.facts.append(el('dt', {}, k), el('dd', { 'data-fact': key }, v));
  }
  ui.warnings.replaceChildren(...f.warnings.map((w) => el('li', {}, w)));
  ui.warnings.hidden = f.warnings.length === 0;
  ui.info.hidden = false;
}

/** The analysis a file most likely wants, from the quantities found in it. */
function guessAnalysis(f) {
  const q = f.quantities;
  const col = (header) => f.columns.find((c) => c.header === header);
  const span = (header) => {
    const v = col(header)?.values ?? [];
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of v) if (Number.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    return { lo, hi };
  };
  if (q.moment) {
    const h = q.field ? span(q.field) : { lo: 0, hi: 0 };
    return h.lo < 0 && h.hi > 0 ? 'loop' : 'zfc-fc';
  }
  if (q.current && q.voltage) return 'iv';
  if (q.angle && !q.resistance.length) return 'hc2-angle';
  if (f.columns.some((c) => /h_?c2/i.test(c.name))) return 'hc2-temperature';
  if (q.hall) return 'hall';
  if (q.resistance.length) {
    const h = q.field ? span(q.field) : { lo: 0, hi: 0 };
    return h.lo < 0 && h.hi > 0 ? 'hall' : 'rt';
  }
  return 'rt';
}

// ---- the analysis's inputs -----------------------------------------------------

function columnSelect(role, f) {
  const id = `column-${role.name}`;
  const box = el('div', { class: 'ktao-control' });
  const sel = el('select', { id, name: `column-${role.name}` });
  sel.append(el('option', { value: '' }, role.optional ? '— none —' : '— choose a column —'));
  for (const c of f.columns) {
    if (c.count === 0) continue;
    sel.append(el('option', { value: c.header }, `${c.header} · ${c.count.toLocaleString('en')} values`));
  }
  sel.value = guessColumn(role, f) ?? '';
  sel.addEventListener('change', () => { buildSegments(); schedule(); });
  const label = el('label', { for: id }, role.label);
  label.append(' ', el('span', { class: 'ktao-unit' }, `(in ${role.unit})`));
  box.append(label, sel);
  return sel;
}

function guessColumn(role, f) {
  const q = f.quantities;
  if (role.quantity === 'resistance') return q.resistance[(role.channel ?? 1) - 1] ?? (role.optional ? null : q.resistance[0]);
  if (role.quantity === 'hall') return q.hall ?? q.resistance[(role.channel ?? 2) - 1] ?? q.resistance[0] ?? null;
  if (role.match) {
    const hit = f.columns.find((c) => c.count > 0 && role.match.test(c.name));
    if (hit) return hit.header;
  }
  return role.quantity ? q[role.quantity] ?? null : null;
}

function setupAnalysis() {
  const f = page.file;
  const a = ANALYSES[ui.analysis.value];
  page.analysis = a;
  page.roles = {};
  ui.columns.replaceChildren(el('legend', {}, 'Columns'));
  for (const role of a.roles) {
    const sel = columnSelect(role, f);
    page.roles[role.name] = sel;
    ui.columns.append(sel.parentElement);
  }
  const defaults = page.ktao.analysisDefaults(a.id);
  page.options = a.options(defaults).map((spec) => optionInput(spec, schedule));
  ui.options.replaceChildren(el('legend', {}, 'Window and options'), ...page.options.map((o) => o.box));
  ui.options.hidden = page.options.length === 0;
  buildSegments();
  ui.setup.hidden = false;
  ui.result.hidden = false;
  schedule();
}

/** The column chosen for `role`, in the role's unit (values and a note). */
function roleColumn(name) {
  const role = page.analysis.roles.find((r) => r.name === name);
  const header = page.roles[name]?.value;
  if (!header) {
    if (role.optional) return null;
    throw new Error(`Choose a column for ${role.label}`);
  }
  const c = page.file.columns.find((x) => x.header === header);
  return { header, ...inUnit(page.ktao, c, role.unit, role.label) };
}

/** A column of the file for splitting, in `unit`, when the file has one. */
function splitColumn(quantity, unit) {
  const role = page.analysis.roles.find((r) => r.quantity === quantity && page.roles[r.name]?.value);
  const header = role ? page.roles[role.name].value : page.file.quantities[quantity];
  const c = header && page.file.columns.find((x) => x.header === header);
  if (!c) return null;
  try {
    return { header, values: inUnit(page.ktao, c, unit, quantity).values };
  } catch {
    return null;
  }
}

function rowsText(s, e) {
  return `rows ${(s + 1).toLocaleString('en')}–${e.toLocaleString('en')}`;
}

function segmentSelect(id, label, choices, value) {
  const box = el('div', { class: 'ktao-control' });
  const sel = el('select', { id, name: id });
  for (const [v, text] of choices) sel.append(el('option', { value: v }, text));
  sel.value = value;
  sel.addEventListener('change', schedule);
  box.append(el('label', { for: id }, label), sel);
  return { box, sel };
}

/** The row ranges a file splits into for this analysis, as selects. */
function buildSegments() {
  const a = page.analysis;
  const n = page.file.rows;
  const k = page.ktao;
  const d = k.readDefaults();
  page.segments = [];
  ui.rows.replaceChildren(el('legend', {}, 'Rows'));
  const all = [`0-${n}`, `all ${rowsText(0, n)}`];
  const add = (id, label, choices, value) => {
    const s = segmentSelect(id, label, choices, value);
    page.segments.push(s.sel);
    ui.rows.append(s.box);
  };
  if (a.segments === 'temperature' || a.segments === 'field') {
    const [unit, tol, sym] = a.segments === 'temperature' ? ['K', d.temperatureToleranceK, 'T'] : ['Oe', d.fieldToleranceOe, 'H'];
    const c = splitColumn(a.segments, unit);
    const sets = c ? k.splitBySetPoint(c.values, tol, d.minPoints) : [];
    const choices = [all, ...sets.map((s) => [`${s.start}-${s.end}`, `${sym} ≈ ${fixed(s.mean)} ${unit}: ${rowsText(s.start, s.end)}`])];
    // Several set points: the first is analysed until the reader picks another.
    const value = sets.length > 1 ? choices[1][0] : all[0];
    add('segment', a.segments === 'temperature' ? 'Temperature set point' : 'Field set point', choices, value);
  } else if (a.segments === 'zfcfc') {
    const c = splitColumn('temperature', 'K');
    const runs = c ? k.zfcFcBranches(c.values) : [];
    const describe = (r) => {
      const t = c.values;
      const dir = t[r.end - 1] > t[r.start] ? 'warming' : 'cooling';
      return [`${r.start}-${r.end}`, `${rowsText(r.start, r.end)}: ${fixed(t[r.start])} → ${fixed(t[r.end - 1])} K, ${dir}`];
    };
    const choices = runs.map(describe);
    add('zfc-rows', 'ZFC run', choices.length ? choices : [all], choices[0]?.[0] ?? all[0]);
    add('fc-rows', 'FC run', [['', '— none —'], ...choices], choices[1]?.[0] ?? '');
  }
  ui.rows.hidden = page.segments.length === 0;
}

const range = (v) => (v ? v.split('-').map(Number) : null);

/** The data and options the library gets, from the page's inputs. */
function inputs() {
  const a = page.analysis;
  const notes = [];
  const cols = {};
  for (const role of a.roles) {
    const c = roleColumn(role.name);
    if (c) {
      cols[role.name] = c;
      if (c.note) notes.push(c.note);
    }
  }
  const data = {};
  let rows = null;
  if (a.segments === 'zfcfc') {
    const [z0, z1] = range(page.segments[0].value);
    const fc = range(page.segments[1].value);
    data.zfcTemperature = cols.temperature.values.subarray(z0, z1);
    data.zfcMoment = cols.moment.values.subarray(z0, z1);
    if (fc) {
      data.fcTemperature = cols.temperature.values.subarray(fc[0], fc[1]);
      data.fcMoment = cols.moment.values.subarray(fc[0], fc[1]);
    }
    rows = { zfc: [z0, z1], fc };
  } else {
    const [s, e] = page.segments.length ? range(page.segments[0].value) : [0, page.file.rows];
    for (const [name, c] of Object.entries(cols)) data[name] = c.values.subarray(s, e);
    rows = [s, e];
  }
  const opts = {};
  a.options({}).forEach((spec, i) => {
    const v = page.options[i].read();
    if (v !== null) opts[spec.name] = v;
  });
  if ('label' in page.ktao.analysisDefaults(a.id)) opts.label = page.name.replace(/\.[^.]+$/, '');
  const columns = Object.fromEntries(Object.entries(cols).map(([k, c]) => [k, c.header]));
  return { data, opts, notes, rows, columns };
}

// ---- drawing and readouts ----------------------------------------------------

function schedule() { if (!page.frame) page.frame = requestAnimationFrame(draw); }

const pointer = setupPointer(ui.plot, ui.canvas, () => ({
  frame: page.result?.frame,
  points: page.result && page.analysis.points ? page.analysis.points(page.result) : [],
}));
ui.summary.after(pointer.readout);

function draw() {
  page.frame = 0;
  if (!page.file || !page.analysis) return;
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(ui.canvas.clientWidth * dpr);
  const h = Math.round(ui.canvas.clientHeight * dpr);
  if (w < 40 || h < 40) return;
  if (ui.canvas.width !== w) ui.canvas.width = w;
  if (ui.canvas.height !== h) ui.canvas.height = h;
  const a = page.analysis;
  try {
    const { data, opts, notes, rows, columns } = inputs();
    page.result = page.ktao.drawAnalysis(ui.canvas, a.id, data, opts, dpr);
    Object.assign(page, { data, opts, rows, columns });
    showReadouts(a.readouts(page.result));
    const all = [...notes, ...a.notes(page.result)];
    ui.notes.replaceChildren(...all.map((n) => el('li', {}, n)));
    ui.notes.hidden = all.length === 0;
    ui.summary.textContent = a.summary(page.result);
    ui.status.textContent = '';
    showError('');
    pointer.refresh();
    setExports(true);
  } catch (err) {
    page.result = null;
    const ctx = ui.canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, ui.canvas.width, ui.canvas.height);
    ui.readouts.replaceChildren();
    ui.summary.textContent = '';
    ui.notes.hidden = true;
    ui.status.textContent = `Not analysed: ${a.title}.`;
    showError(err instanceof Error ? err.message : String(err));
    setExports(false);
  }
  page.draws += 1;
  ui.result.dataset.draws = String(page.draws);
}

function showReadouts(rows) {
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    tr.append(el('th', { scope: 'row' }, r.label), el('td', {}, r.unit ? `${r.value} ${r.unit}` : r.value));
    body.append(tr);
  }
  ui.readouts.replaceChildren(el('caption', {}, 'Results'), body);
}

function showError(text) {
  ui.alert.textContent = text;
  ui.alert.hidden = text === '';
}

// ---- exports ---------------------------------------------------------------------

const base = () => `ktao-${page.analysis.id}-${page.name.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_')}`;

function describe() {
  const a = page.analysis;
  const rows = Array.isArray(page.rows) ? rowsText(...page.rows)
    : `ZFC ${rowsText(...page.rows.zfc)}${page.rows.fc ? `, FC ${rowsText(...page.rows.fc)}` : ''}`;
  const cols = Object.entries(page.columns).map(([k, h]) => `${k} = ${h}`).join(', ');
  const specs = a.options({});
  const opts = specs.filter((s) => s.name in page.opts).map((s) => `${s.name} = ${page.opts[s.name]}${s.unit ? ` ${s.unit}` : ''}`);
  return `ktao analyze: ${a.title}; file ${page.name} (${page.file.instrument ?? FORMAT_NAMES[page.file.format]}, ${page.file.rows} rows); `
    + `${rows}; columns ${cols}; options ${opts.length ? opts.join(', ') : 'the defaults'}; ${location.href.split('#')[0]}`;
}

/** The drawing as export.js wants a figure: the same call at another size. */
const figure = {
  draw: (k, canvas, _state, scale) => k.drawAnalysis(canvas, page.analysis.id, page.data, page.opts, scale),
  svg: (k, _state, w, h) => k.svgAnalysis(page.analysis.id, page.data, page.opts, w, h),
};

function jsonExport() {
  const a = page.analysis;
  const specs = a.options({});
  return {
    ktao: 'analyze.html',
    analysis: { id: a.id, title: a.title, mirrors: a.figure },
    file: {
      name: page.name, format: page.file.format, instrument: page.file.instrument, rows: page.file.rows,
      skippedRows: page.file.skippedRows, title: page.file.metadata.title ?? null,
    },
    columns: Object.fromEntries(a.roles.filter((r) => page.columns[r.name]).map((r) => [r.name, { header: page.columns[r.name], unit: r.unit }])),
    rows: page.rows,
    options: Object.fromEntries(specs.filter((s) => s.name in page.opts).map((s) => [s.name, s.unit ? { value: page.opts[s.name], unit: s.unit } : page.opts[s.name]])),
    results: a.json(page.result),
  };
}

const EXPORTS = [
  ['CSV', () => exportCsv({ ...page.analysis.csv(page.result), comment: describe(), filename: `${base()}.csv` })],
  ['JSON', () => download(new Blob([`${JSON.stringify(jsonExport(), null, 1)}\n`], { type: 'application/json' }), `${base()}.json`)],
  ['PNG', () => exportPng({ ktao: page.ktao, fig: figure, state: null, canvas: ui.canvas, filename: `${base()}.png` })],
  ['SVG', () => exportSvg({ ktao: page.ktao, fig: figure, state: null, canvas: ui.canvas, filename: `${base()}.svg` })],
];

for (const [label, act] of EXPORTS) {
  const b = el('button', { type: 'button', class: `export-${label.toLowerCase()}`, disabled: '' }, `Export ${label}`);
  b.addEventListener('click', async () => {
    try { await act(); } catch (err) { showError(`Export failed: ${err.message}`); }
  });
  ui.exports.append(b);
}

function setExports(on) {
  for (const b of ui.exports.querySelectorAll('button')) b.disabled = !on;
}

// ---- wiring -------------------------------------------------------------------------

for (const a of Object.values(ANALYSES)) ui.analysis.append(el('option', { value: a.id }, `${a.title} (as ${a.figure})`));
ui.analysis.addEventListener('change', setupAnalysis);
ui.input.addEventListener('change', () => openFile(ui.input.files[0]));
ui.drop.addEventListener('click', () => ui.input.click());
ui.drop.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); ui.input.click(); }
});
for (const type of ['dragenter', 'dragover']) {
  ui.drop.addEventListener(type, (e) => { e.preventDefault(); ui.drop.classList.add('over'); });
}
ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('over'));
ui.drop.addEventListener('drop', (e) => {
  e.preventDefault();
  ui.drop.classList.remove('over');
  openFile(e.dataTransfer.files[0]);
});
new ResizeObserver(schedule).observe(ui.plot);

const ready = loadKtao().then((k) => {
  page.ktao = k;
  document.body.dataset.ready = 'true';
}).catch((err) => showError(`The library could not load: ${err.message}`));
