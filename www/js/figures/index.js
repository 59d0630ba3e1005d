// Every figure of the supplement, by id. The front page, the figure pages,
// the embeds and the tests all read this list, so a new figure is one module
// (js/figures/<id>.js), one page (<id>.html) and one entry here. `pkg` names
// the wasm module (family of figures, js/ktao.js) that the figure calls.
export const FIGURES = {
  resistive: {
    paper: 'Fig. 1b',
    title: 'Resistive transition R_s(T) of LaAlO₃/KTaO₃ and YAlO₃/KTaO₃',
    blurb: 'From a metal at 300 K to zero resistance below 1.7 K: fluctuations, vortices and an inhomogeneous T_BKT.',
    pkg: 'superconductivity',
    load: () => import('./resistive.js'),
  },
  hall: {
    paper: 'Fig. 1c',
    title: 'Hall effect at 5 K: carrier density and mobility',
    blurb: 'A straight line through R_xy(B) counts the electrons at each interface.',
    pkg: 'superconductivity',
    load: () => import('./hall.js'),
  },
  'hc2-angle': {
    paper: 'Fig. 1d',
    title: 'Angular dependence of μ₀H_c2: 2D Tinkham or 3D Ginzburg–Landau?',
    blurb: 'The cusp at θ = 90° that only a two-dimensional superconductor shows.',
    pkg: 'superconductivity',
    load: () => import('./hc2-angle.js'),
  },
  bkt: {
    paper: 'Fig. 1e–f',
    title: 'Current–voltage curves and the BKT transition',
    blurb: 'V ∝ I³ where vortex–antivortex pairs unbind: the exponent α(T) crosses 3 at T_BKT.',
    pkg: 'superconductivity',
    load: () => import('./bkt.js'),
  },
  'magnet-loops': {
    paper: 'Fig. 2',
    title: 'In-plane ferromagnetic hysteresis loops from 1.8 to 300 K',
    blurb: 'Stoner–Wohlfarth particles under a diamagnetic substrate: subtract it, and 0.2 μ_B per interface cell remains, still hysteretic at room temperature.',
    pkg: 'magnetism',
    load: () => import('./magnet-loops.js'),
  },
  vacancy: {
    paper: 'Fig. 3',
    title: 'Where the moment comes from: an oxygen vacancy, t2g electrons and U_eff',
    blurb: 'A self-consistent tight-binding + U_eff slab (with Fig. S18): the two vacancy electrons turn magnetic, 0.124 μ_B on a Ta.',
    pkg: 'vacancy',
    load: () => import('./vacancy.js'),
  },
  xmcd: {
    paper: 'Fig. 4',
    title: 'XMCD at the Ta N₃ edge: spin-polarised Ta 5d electrons',
    blurb: 'Why a difference between two circular polarisations means a magnetic Ta.',
    pkg: 'superconductivity',
    load: () => import('./xmcd.js'),
  },
  annealing: {
    paper: 'Fig. 5',
    title: 'Annealing in oxygen: fewer vacancies, fewer carriers, less moment',
    blurb: 'R_s, the Hall slope and the loops of films annealed at 2 × 10⁻⁶ to 1 mbar O₂, and at a pressure of your choice.',
    pkg: 'vacancy',
    load: () => import('./annealing.js'),
  },
  'gl-hc2': {
    paper: 'Fig. S3',
    title: 'Upper critical fields against temperature: coherence length, thickness, Pauli limit',
    blurb: 'One Ginzburg–Landau fit of both field directions gives ξ_GL and d_sc; in plane the field beats the Pauli limit.',
    pkg: 'superconductivity',
    load: () => import('./gl-hc2.js'),
  },
  'halperin-nelson': {
    paper: 'Fig. S4',
    title: 'Halperin–Nelson fit of R(T): a second T_BKT',
    blurb: 'The vortex law R₀ exp[−b (T/T_BKT − 1)^(−½)] and its straight-line form, and why it gives another T_BKT.',
    pkg: 'superconductivity',
    load: () => import('./halperin-nelson.js'),
  },
  'zfc-fc': {
    paper: 'Fig. S5',
    title: 'Zero-field-cooled and field-cooled magnetization at 50 Oe',
    blurb: 'FC and ZFC part where the largest particles block: at these interfaces they stay apart up to 300 K.',
    pkg: 'magnetism',
    load: () => import('./zfc-fc.js'),
  },
};
