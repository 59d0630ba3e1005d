// embed.html#figure=hc2-angle&v=1&h-par=5 — one figure alone, for an <iframe>.
import { mountFigure, el } from './page.js';
import { FIGURES } from './figures/index.js';
import { keepOffline, firstDrawing } from './offline.js';

const root = document.getElementById('figure');
const params = new URLSearchParams(location.hash.replace(/^#/, ''));
const id = params.get('figure') ?? '';
if (FIGURES[id]) document.title = `${FIGURES[id].paper}: ${FIGURES[id].title} · ktao`;
const mounted = mountFigure(root, id, {
  fragment: location.hash, ignore: ['figure', 'controls'], controls: params.get('controls') !== 'none',
});
mounted.catch((err) => {
  root.append(el('p', { class: 'ktao-status error', role: 'alert' }, `The figure could not load: ${err.message}`));
});
keepOffline(firstDrawing(root, mounted));
