// The exports of the analysis shown: CSV (data and fitted curve, units in
// the header, one comment line with the file, rows, columns and options),
// JSON (every output with its unit) and PNG/SVG through export.js.
import { el, download } from '../dom.js';
import { exportPng, exportSvg, exportCsv } from '../export.js';
import { FORMAT_NAMES } from './file.js';

export const rowsText = (s, e) => `rows ${(s + 1).toLocaleString('en')}–${e.toLocaleString('en')}`;

/** Adds the export buttons to `ui.exports`; returns setExports(on). */
export function buildExports(ui, page, showError) {
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

  return (on) => {
    for (const b of ui.exports.querySelectorAll('button')) b.disabled = !on;
  };
}
