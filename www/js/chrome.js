// What a figure page adds around a figure: export buttons, the embed
// snippets for the current state, and the citation.
import { el, kebab } from './dom.js';
import { formatValue } from './controls.js';
import { encodeState } from './url-state.js';
import { exportPng, exportSvg, exportCsv } from './export.js';

export const CITATION = 'Z. Ning, J. Qian, Y. Liu, F. Chen, M. Zhang, L. Deng, X. Yuan, Q. Ge, H. Jin, G. Zhang, '
  + 'W. Peng, S. Qiao, G. Mu, Y. Chen and W. Li, "Coexistence of ferromagnetism and superconductivity at '
  + 'KTaO₃ heterointerfaces" (2024).';

/** The page's parameters in words, for the CSV comment line. */
function describeState(specs, state) {
  return specs.map((c) => `${kebab(c.name)}=${formatValue(c, state[c.name])}${c.unit ? ` ${c.unit}` : ''}`).join(', ');
}

/** Builds the chrome below `root`'s figure; returns { update() } to refresh it. */
export function buildChrome(root, h) {
  const base = new URL('.', location.href);
  const bar = el('div', { class: 'exports', role: 'group', 'aria-label': 'Export the figure' });
  const file = `ktao-${h.id}`;
  const status = () => root.querySelector('.ktao-status');
  const guard = (f) => async () => {
    try { await f(); } catch (err) { status().textContent = `Export failed: ${err.message}`; status().classList.add('error'); }
  };
  const buttons = [
    ['PNG', guard(() => exportPng({ ...h, filename: `${file}.png` }))],
    ['SVG', guard(() => exportSvg({ ...h, filename: `${file}.svg` }))],
    ['CSV', guard(() => {
      const columns = (h.fig.csv ?? h.fig.table)(h.result()).columns;
      const comment = `ktao ${h.entry.paper} (${h.id}); ${describeState(h.specs, h.state)}; ${location.href}`;
      exportCsv({ columns, comment, filename: `${file}.csv` });
    })],
  ];
  for (const [label, act] of buttons) {
    const b = el('button', { type: 'button', class: `export-${label.toLowerCase()}` }, `Export ${label}`);
    b.addEventListener('click', act);
    bar.append(b);
  }

  const embed = el('details', { class: 'embed' });
  const elementCode = el('code');
  const iframeCode = el('code');
  const pre1 = el('pre');
  pre1.append(elementCode);
  const pre2 = el('pre');
  pre2.append(iframeCode);
  embed.append(
    el('summary', {}, 'Embed this figure in a lecture page'),
    el('p', {}, 'As an element (the library loads once however many figures the page holds):'), pre1,
    el('p', {}, 'Or in an iframe:'), pre2,
    el('p', {}, 'Both show the figure as it is now; add controls="none" to the element to hide its controls.'),
  );

  const cite = el('aside', { class: 'cite', 'aria-label': 'Citation' });
  cite.append(el('h2', {}, 'Cite'), el('p', {}, CITATION));

  root.after(bar, embed);
  (root.closest('main') ?? root.parentElement).append(cite);
  return {
    update() {
      const attrs = h.specs.map((c) => ` ${kebab(c.name)}="${formatValue(c, h.state[c.name])}"`).join('');
      elementCode.textContent = `<script type="module" src="${new URL('js/ktao-figure.js', base)}"></script>\n`
        + `<ktao-figure figure="${h.id}"${attrs}></ktao-figure>`;
      const src = new URL(`embed.html#${encodeState(h.specs, h.state, { figure: h.id })}`, base);
      iframeCode.textContent = `<iframe src="${src}" width="820" height="620" title="${h.entry.paper}: ${h.entry.title}"></iframe>`;
    },
  };
}
