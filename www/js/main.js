// Entry of every figure page: mounts the figure named by data-figure.
import { mountFigure, el } from './page.js';

const root = document.querySelector('[data-figure]');
mountFigure(root, root.dataset.figure).catch((err) => {
  root.append(el('p', { class: 'status error', role: 'alert' }, `The figure could not load: ${err.message}`));
});
