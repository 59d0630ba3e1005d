// The page analyze.html: a researcher's own file, read in a Web Worker,
// analysed and drawn by the library on the page's thread, with every
// fitted number, its error and unit, and the exports. The analyses are
// declared in js/analyze/analyses/; this module wires the page.
import { loadKtao } from '../ktao.js';
import { el, showReadouts, showTable } from '../dom.js';
import { setupPointer } from '../pointer.js';
import { ANALYSES } from './analyses/index.js';
import { inUnit, optionInput, fixed } from './shared.js';
import { readInWorker, size, showFile, guessAnalysis } from './file.js';
import { buildExports, rowsText } from './exports.js';
import { keepOffline } from '../offline.js';

const $ = (id) => document.getElementById(id);
const ui = {
  drop: $('drop'), input: $('file'), progress: $('progress'), alert: $('alert'),
  info: $('file-info'), facts: $('file-facts'), warnings: $('file-warnings'),
  setup: $('setup'), analysis: $('analysis'), columns: $('columns'), rows: $('rows'), options: $('options'),
  result: $('result'), plot: $('plot'), canvas: $('canvas'), readouts: $('readouts'), notes: $('notes'),
  summary: $('summary'), status: $('status'), exports: $('exports'),
  tableToggle: $('table-toggle'), dataTable: $('data-table'),
};

/**
 * Rows of the data table at most: a screen reader user reads the data here,
 * and a 200,000-row file would take the page seconds to lay out; the CSV
 * export has every row.
 */
const TABLE_ROWS = 2000;

/** What the page holds: the file read, the analysis chosen and its inputs. */
const page = {
  ktao: null, file: null, name: '', analysis: null, roles: {}, segments: [], options: [],
  data: null, opts: null, result: null, notes: [], frame: 0, draws: 0,
};
// For the page's tests and for the curious reader's console.
window.ktaoAnalyze = page;

async function openFile(file) {
  if (!file) return;
  showError('');
  ui.progress.textContent = `Reading ${file.name} (${size(file.size)}) …`;
  document.body.dataset.reading = 'true';
  const [answer] = await Promise.all([readInWorker(file), ready]);
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
  showFile(ui, answer.file, file);
  ui.analysis.value = guessAnalysis(answer.file);
  setupAnalysis();
  document.body.dataset.files = String(Number(document.body.dataset.files ?? 0) + 1);
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
    showReadouts(ui.readouts, a.readouts(page.result));
    tableStale = true;
    fillTable();
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
    ui.dataTable.replaceChildren();
    tableStale = true;
    ui.summary.textContent = '';
    ui.notes.hidden = true;
    ui.status.textContent = `Not analysed: ${a.title}.`;
    showError(err instanceof Error ? err.message : String(err));
    setExports(false);
  }
  page.draws += 1;
  ui.result.dataset.draws = String(page.draws);
}

// The data table (the drawing's text alternative), built when it is shown.
let tableStale = true;
function fillTable() {
  if (!tableStale || ui.dataTable.hidden || !page.result) return;
  const a = page.analysis;
  showTable(ui.dataTable, { caption: `${page.name}, ${a.title}`, ...a.csv(page.result) }, TABLE_ROWS);
  tableStale = false;
}
ui.tableToggle.addEventListener('click', () => {
  const open = ui.dataTable.hidden;
  ui.dataTable.hidden = !open;
  fillTable();
  ui.tableToggle.setAttribute('aria-expanded', String(open));
  ui.tableToggle.textContent = open ? 'Hide data table' : 'Show data table';
});

function showError(text) {
  ui.alert.textContent = text;
  ui.alert.hidden = text === '';
}

// ---- wiring -------------------------------------------------------------------------

const setExports = buildExports(ui, page, showError);

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

const ready = loadKtao('files').then((k) => {
  page.ktao = k;
  document.body.dataset.ready = 'true';
}).catch((err) => showError(`The library could not load: ${err.message}`));
keepOffline(ready);
