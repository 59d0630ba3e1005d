// Every figure of the supplement, by id. The front page, the figure pages,
// the embeds and the tests all read this list, so a new figure is one module
// (js/figures/<id>.js), one page (<id>.html) and one entry here.
export const FIGURES = {
  'hc2-angle': {
    paper: 'Fig. 1d',
    title: 'Angular dependence of μ₀H_c2: 2D Tinkham or 3D Ginzburg–Landau?',
    blurb: 'The cusp at θ = 90° that only a two-dimensional superconductor shows.',
    load: () => import('./hc2-angle.js'),
  },
  xmcd: {
    paper: 'Fig. 4',
    title: 'XMCD at the Ta N₃ edge: spin-polarised Ta 5d electrons',
    blurb: 'Why a difference between two circular polarisations means a magnetic Ta.',
    load: () => import('./xmcd.js'),
  },
};
