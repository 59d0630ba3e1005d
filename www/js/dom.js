// DOM helpers shared by the page modules. Text from URLs or attributes only
// ever reaches the page through textContent, never innerHTML.

/** Creates an element with attributes and text. */
export function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** "hPerp" → "h-perp": the names of URL state and of <ktao-figure> attributes. */
export const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Offers `blob` to the reader as a file download. */
export function download(blob, filename) {
  const a = el('a', { href: URL.createObjectURL(blob), download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Fills `table` with readouts `rows` ({ label, value, unit? }) under the caption "Results". */
export function showReadouts(table, rows) {
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    tr.append(el('th', { scope: 'row' }, r.label), el('td', {}, r.unit ? `${r.value} ${r.unit}` : r.value));
    body.append(tr);
  }
  table.replaceChildren(el('caption', {}, 'Results'), body);
}

/**
 * Fills `table` with `columns` ({ name, unit?, values }), one row per index,
 * at most `maxRows` rows (the caption then says how many are shown): the
 * text alternative of a drawing's data.
 */
export function showTable(table, { caption, columns }, maxRows = Infinity) {
  const head = el('tr');
  for (const c of columns) head.append(el('th', { scope: 'col' }, c.unit ? `${c.name} (${c.unit})` : c.name));
  const body = el('tbody');
  const rows = Math.max(0, ...columns.map((c) => c.values.length));
  const shown = Math.min(rows, maxRows);
  for (let i = 0; i < shown; i++) {
    const tr = el('tr');
    for (const c of columns) tr.append(el('td', {}, i < c.values.length ? fmt(c.values[i]) : ''));
    body.append(tr);
  }
  const thead = el('thead');
  thead.append(head);
  const more = shown < rows ? ` (the first ${shown.toLocaleString('en')} of ${rows.toLocaleString('en')} rows)` : '';
  table.replaceChildren(el('caption', {}, `${caption}${more}`), thead, body);
}

const fmt = (v) => (typeof v === 'number' ? Number(v.toPrecision(6)).toString() : String(v));
