// Entry of every figure page: mounts the figure named by data-figure, with the
// page's URL state, exports, embed snippets and citation.
import { mountFigure, el } from './page.js';
import './offline.js';

const root = document.querySelector('[data-figure]');
mountFigure(root, root.dataset.figure, { page: true }).catch((err) => {
  root.append(el('p', { class: 'ktao-status error', role: 'alert' }, `The figure could not load: ${err.message}`));
});
