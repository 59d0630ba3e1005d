// Export of a figure as PNG (2× the shown size), SVG (the same drawing
// function on plotters' SVG backend) and CSV (what is shown, with units).
import { download } from './dom.js';

// An asynchronous figure's exports draw its last computed result (`computed`).

/** PNG at `factor` × the canvas's CSS size, drawn afresh at that scale. */
export async function exportPng({ ktao, fig, state, canvas, filename, computed, factor = 2 }) {
  const c = document.createElement('canvas');
  c.width = Math.round(canvas.clientWidth * factor);
  c.height = Math.round(canvas.clientHeight * factor);
  fig.draw(ktao, c, state, factor, computed);
  const blob = await new Promise((resolve, reject) => {
    c.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
  });
  download(blob, filename);
}

/** SVG of the shown size. */
export function exportSvg({ ktao, fig, state, canvas, filename, computed }) {
  const text = fig.svg(ktao, state, canvas.clientWidth, canvas.clientHeight, computed);
  download(new Blob([text], { type: 'image/svg+xml' }), filename);
}

/** CSV text: a comment line, a header "name (unit)", then the rows. */
export function csvText(columns, comment) {
  const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const header = columns.map((c) => quote(c.unit ? `${c.name} (${c.unit})` : c.name));
  const rows = Math.max(...columns.map((c) => c.values.length));
  const lines = [`# ${comment.replace(/\n/g, ' ')}`, header.join(',')];
  for (let i = 0; i < rows; i++) {
    lines.push(columns.map((c) => (i < c.values.length ? String(c.values[i]) : '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function exportCsv({ columns, comment, filename }) {
  download(new Blob([csvText(columns, comment)], { type: 'text/csv' }), filename);
}
