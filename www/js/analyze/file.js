// The file: read in a module worker (worker.js) off the page's thread, its
// facts shown, and the analysis it most likely wants.
import { el } from '../dom.js';

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

/** The reader's result for `file` → { file, bytes, ms } or { error }. */
export function readInWorker(file) {
  return new Promise((resolve) => {
    const id = ++asked;
    pending.set(id, resolve);
    worker.postMessage({ id, file });
  });
}

export const size = (n) => (n < 1e3 ? `${n} bytes` : n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : `${(n / 1e6).toFixed(1)} MB`);

const INSTRUMENT_NAMES = { MPMS3: 'MPMS3 (SQUID-VSM)', 'MPMS-XL': 'MPMS-XL', 'PPMS Resistivity': 'PPMS Resistivity', 'PPMS ETO': 'PPMS ETO', 'PPMS AC Transport': 'PPMS AC Transport', 'PPMS VSM': 'PPMS VSM' };
export const FORMAT_NAMES = { multivu: 'Quantum Design MultiVu .dat', csv: 'CSV', tsv: 'TSV' };

/** The file's facts (data-fact keys) and the reader's warnings into `ui`. */
export function showFile(ui, f, file) {
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
export function guessAnalysis(f) {
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
