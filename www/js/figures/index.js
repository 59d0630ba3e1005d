// Every figure of the supplement, by id. The front page, the figure pages and
// the embeds all read this list, so a new figure is one module added here.
export const FIGURES = {
  'hc2-angle': {
    paper: 'Fig. 1d',
    title: 'Angular dependence of μ₀H_c2: 2D Tinkham or 3D Ginzburg–Landau?',
    blurb: 'The cusp at θ = 90° that only a two-dimensional superconductor shows.',
    load: () => import('./hc2-angle.js'),
  },
};
