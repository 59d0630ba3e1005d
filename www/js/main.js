// Entry of every figure page: mounts the figure named by data-figure, with the
// page's URL state, exports, embed snippets and citation.
import { mountFigure, el } from './page.js';
import { keepOffline, firstDrawing } from './offline.js';

const root = document.querySelector('[data-figure]');
const mounted = mountFigure(root, root.dataset.figure, { page: true });
mounted.catch((err) => {
  root.append(el('p', { class: 'ktao-status error', role: 'alert' }, `The figure could not load: ${err.message}`));
});
keepOffline(firstDrawing(root, mounted));
