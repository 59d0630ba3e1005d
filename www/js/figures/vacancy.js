// Fig. 3 with Fig. S18: the oxygen-vacancy tight-binding + U_eff model. The
// self-consistent solution runs in a Web Worker (compute), except at the
// paper's values, which restart on the page from a saved solution (one
// step, solveModel); the drawing takes its result on the main thread (draw).
// The U_eff scan of Fig. S18 depends on every control but U_eff itself, so
// it is computed once per slab and kept.
import { fixed } from '../format.js';
import { client, helper } from './vacancy-workers.js';
import { restart } from '../../pkg/vacancy/restart.js';

/** The paper's DFT moment of the Ta beside the vacancy at U_eff = 1 eV (Fig. 3c), μ_B. */
export const PAPER_MOMENT = 0.124;
/** U_eff of the Fig. S18 scan, eV (as the library's SCAN_U_EV). */
export const SCAN_U = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];
/** Largest in-plane size with SOC (6 layers × 3 × 3 Ta: two 162 × 162 complex blocks). */
export const SOC_MAX_SIZE = 3;

/** @param {object} d the model's defaults (`vacancyModelDefaults()`) */
export function controls(d) {
  return [
    { name: 'uEff', label: 'U_eff = U − J, on-site repulsion', unit: 'eV', min: 0, max: 2, step: 0.05, value: d.uEff },
    { name: 'vacancyPotential', label: 'V_vac, attraction of the Ta beside the vacancy', unit: 'eV', min: 0, max: 1, step: 0.05, value: d.vacancyPotential },
    { name: 'confinement', label: 'F, confining potential per layer (tuned)', unit: 'eV', min: 0.2, max: 1.5, step: 0.05, value: d.confinement },
    { name: 'size', label: `L, an L × L patch of each layer per vacancy (SOC: at most ${SOC_MAX_SIZE})`, unit: 'Ta', min: 2, max: 5, step: 1, value: d.size },
    { name: 'soc', label: 'λ, spin–orbit coupling (Ta 5d ≈ 0.4)', unit: 'eV', min: 0, max: 0.6, step: 0.05, value: d.soc },
  ];
}

export const defaults = (ktao) => ktao.vacancyModelDefaults();

/**
 * With SOC the slab is two dense complex blocks and at most 3 × 3 Ta per
 * layer; turning SOC on shrinks a larger patch, and enlarging the patch
 * beyond that turns SOC off, so the controls always show what is computed.
 */
export function linked(ktao, name, value, state) {
  if (name === 'soc' && value > 0 && state.size > SOC_MAX_SIZE) return { size: SOC_MAX_SIZE };
  if (name === 'size' && value > SOC_MAX_SIZE && state.soc > 0) return { soc: 0 };
  return null;
}

/** The options of `vacancyModel` for a page state. */
export function modelOptions(s) {
  return { uEff: s.uEff, vacancyPotential: s.vacancyPotential, confinement: s.confinement, size: s.size, soc: s.soc };
}

// Two workers: the model runs in one, and once it is solved both share the
// points of the Fig. S18 scan (one `uScan` call per point), so the two cores
// finish the figure together. The figure is drawn as soon as the model is
// solved and again as each point of the scan arrives. The scan waits for the
// model: on two cores it would take the model's core share while the page
// still loads (the first drawing came 20–40 ms later, the complete figure no
// sooner). When the workers start: vacancy-workers.js.
/** The figure's worker clients (for tests: their `spawns` count the workers started). */
export const workerClients = () => [client, helper];
const scans = new Map();
const KEPT_SCANS = 8;

const exp2 = (v) => (v > 0 ? v.toExponential(1) : '0');

/**
 * Whether `opts` are the options the build solved (restart.js, written by
 * scripts/vacancy-restart.mjs: the library's defaults, the paper's values)
 * with this library's defaults, so that its density is their solution.
 */
function restartable(ktao, opts) {
  const same = (a, b, keys) => keys.every((k) => Object.is(a[k], b[k]));
  const d = ktao.vacancyModelDefaults();
  return same(d, restart.options, Object.keys(d).filter((k) => k !== 'startDensity'))
    && same(opts, restart.options, Object.keys(opts));
}

/**
 * Solves the model in the worker, or, at the paper's values, restarts it
 * here from the density the build solved them to: the library takes one
 * self-consistency step from it (a few ms), finds it self-consistent and
 * reports the solution. A cold start takes ~26 steps, and on a fresh page
 * the worker first needs ~250 ms to start and the steps 100–160 ms more.
 */
function solveModel(ktao, opts, options) {
  if (restartable(ktao, opts)) {
    return Promise.resolve().then(() => ({
      ...ktao.vacancyModel({ ...opts, startDensity: restart.density }),
      restarted: true,
    }));
  }
  return client.call('vacancyModel', [opts], options);
}

/** The points of a scan computed so far (one `uScan` result each), in U_eff order. */
function joinScan(points) {
  const done = points.filter(Boolean);
  const pick = (k) => done.flatMap((p) => p[k]);
  return {
    uEff: pick('uEff'), maxMoment: pick('maxMoment'), momentPerCell: pick('momentPerCell'),
    layerMoments: pick('layerMoments'), converged: pick('converged'), iterations: pick('iterations'),
  };
}

/**
 * The model and the Fig. S18 scan. The scan is without SOC (as the paper's
 * collinear GGA+U_eff scan) and at every other control's value; it is
 * reused while only U_eff changes.
 */
export async function compute(ktao, state, { onProgress, onPartial, signal }) {
  const opts = modelOptions(state);
  const scanOpts = { ...opts, soc: 0, uEff: 0 };
  const key = JSON.stringify(scanOpts);
  const kept = scans.get(key);
  const modelProgress = (it, res) => onProgress(`Self-consistent field: step ${it}, residual ${exp2(res)} electrons`);
  if (kept) {
    const model = await solveModel(ktao, opts, { signal, onProgress: modelProgress });
    return { opts, model, scan: kept };
  }
  // A failure in one worker stops the other.
  const stop = new AbortController();
  const abort = () => stop.abort();
  signal.addEventListener('abort', abort, { once: true });
  const points = new Array(SCAN_U.length).fill(null);
  let next = 0;
  let model = null;
  const show = () => {
    if (!model) return;
    const pending = SCAN_U.filter((_, i) => !points[i]);
    if (pending.length) {
      onPartial?.({ opts, model, scan: joinScan(points), scanPending: pending });
      onProgress(`Fig. S18 scan: ${SCAN_U.length - pending.length} of ${SCAN_U.length} points computed`);
    }
  };
  const work = async (worker) => {
    while (next < SCAN_U.length) {
      const i = next++;
      points[i] = await worker.call('uScan', [scanOpts, [SCAN_U[i]]], { signal: stop.signal });
      show();
    }
  };
  try {
    const solved = solveModel(ktao, opts, { signal: stop.signal, onProgress: modelProgress })
      .then((m) => { model = m; show(); });
    await solved;
    await Promise.all([work(client), work(helper)]);
  } catch (err) {
    stop.abort();
    throw signal.aborted ? new DOMException('The computation was cancelled.', 'AbortError') : err;
  } finally {
    signal.removeEventListener('abort', abort);
  }
  const scan = joinScan(points);
  scans.set(key, scan);
  if (scans.size > KEPT_SCANS) scans.delete(scans.keys().next().value);
  return { opts, model, scan };
}

const given = (c) => ({ model: c.model, scan: c.scan, scanPending: c.scanPending ?? [] });

export function draw(ktao, canvas, state, scale, c) {
  const r = ktao.drawVacancyModel(canvas, c.opts, scale, given(c));
  return { ...r, model: c.model, opts: c.opts };
}

export const svg = (ktao, state, width, height, c) => ktao.svgVacancyModel(c.opts, width, height, given(c));

const mu = (v) => v.toFixed(4);
const layerOf = (model, site) => Math.floor(site / (model.size * model.size));

export function readouts({ model, opts, scan, matrixSize }) {
  const soc = opts.soc > 0 ? `, λ = ${opts.soc} eV` : '';
  return [
    { label: `largest Ta moment (paper: ${PAPER_MOMENT})`, value: mu(model.maxMoment), unit: 'μ_B' },
    { label: 'it sits on', value: layerOf(model, model.maxMomentSite) === 0 ? 'the interface layer, Ta1' : `layer Ta${layerOf(model, model.maxMomentSite) + 1}` },
    { label: 'moment per interface cell', value: mu(model.momentPerCell), unit: 'μ_B' },
    { label: 'layer moments (Fig. 3b–c)', value: model.layerMoments.map((m) => m.toFixed(3)).join(' · '), unit: 'μ_B' },
    { label: 'slab', value: `${model.layers} layers × ${model.size} × ${model.size} Ta, 1 vacancy, ${fixed(model.electrons)} d electrons${soc}` },
    { label: 'self-consistency', value: selfConsistency(model) },
    { label: 'Hamiltonian', value: `${matrixSize} spin-orbitals in ${model.blocks} blocks (largest ${model.largestBlock})` },
    scan.uEff.length === SCAN_U.length
      ? { label: 'Fig. S18: largest at 2 eV', value: mu(scan.maxMoment[scan.maxMoment.length - 1]), unit: 'μ_B' }
      : { label: 'Fig. S18', value: `computing: ${scan.uEff.length} of ${SCAN_U.length} points` },
  ];
}

function selfConsistency(model) {
  const steps = `${model.converged ? 'converged' : 'NOT converged'} in ${model.iterations} step${model.iterations === 1 ? '' : 's'}, residual ${exp2(model.residual)}`;
  return model.restarted ? `${steps}, restarted from the saved solution of the paper's values` : steps;
}

export function summary({ model, opts }) {
  const layer = layerOf(model, model.maxMomentSite);
  const where = layer === 0 ? 'on an interface Ta' : `in layer ${layer + 1}`;
  return `Oxygen-vacancy model of a (111) KTaO₃ slab at U_eff = ${opts.uEff} eV${opts.soc > 0 ? ` with spin–orbit coupling ${opts.soc} eV` : ''}: `
    + `the two electrons of the vacancy carry ${fixed(model.momentPerCell)} μ_B per interface cell; the largest Ta moment, `
    + `${model.maxMoment.toFixed(3)} μ_B, sits ${where} (the paper's DFT gives 0.124 μ_B at 1 eV). `
    + 'Left: the slab with each Ta coloured by its moment, and the moment against U_eff (Fig. S18); '
    + 'right: the spin-resolved PDOS of each layer with E_F = 0.';
}

/** The Fig. S18 points, for the pointer readout (the frame is that panel's). */
export function points({ scan }) {
  return scan.uEff.flatMap((u, i) => [
    { x: u, y: scan.maxMoment[i], text: `U_eff = ${u} eV: largest Ta moment = ${mu(scan.maxMoment[i])} μ_B` },
    { x: u, y: scan.momentPerCell[i], text: `U_eff = ${u} eV: moment per interface cell = ${mu(scan.momentPerCell[i])} μ_B` },
  ]);
}

/** Charge (d electrons) of each layer. */
function layerCharges(model) {
  const n = model.size * model.size;
  return model.layerMoments.map((_, l) => model.siteCharges.slice(l * n, (l + 1) * n).reduce((a, b) => a + b, 0));
}

export function table({ model, scan }) {
  return {
    caption: 'Fig. 3: moment and d electrons of each layer; Fig. S18: moments against U_eff',
    columns: [
      { name: 'layer', unit: 'Ta1 = interface', values: model.layerMoments.map((_, l) => l + 1) },
      { name: 'layer moment', unit: 'μ_B', values: model.layerMoments },
      { name: 'layer d electrons', unit: 'e', values: layerCharges(model) },
      { name: 'U_eff', unit: 'eV', values: scan.uEff },
      { name: 'largest Ta moment', unit: 'μ_B', values: scan.maxMoment },
      { name: 'moment per cell', unit: 'μ_B', values: scan.momentPerCell },
    ],
  };
}

export function csv({ model, scan }) {
  const sites = model.siteMoments.map((_, i) => i);
  return {
    columns: [
      { name: 'E - E_F', unit: 'eV', values: model.pdos.energy },
      ...model.pdos.layers.flatMap((l, i) => [
        { name: `PDOS Ta${i + 1} up`, unit: 'states/eV per Ta', values: l.up },
        { name: `PDOS Ta${i + 1} down`, unit: 'states/eV per Ta', values: l.down },
      ]),
      { name: 'site', unit: 'index (layer·L + m)·L + n', values: sites },
      { name: 'site layer', unit: 'Ta1 = interface', values: sites.map((i) => layerOf(model, i) + 1) },
      { name: 'site moment', unit: 'μ_B', values: model.siteMoments },
      { name: 'site d electrons', unit: 'e', values: model.siteCharges },
      { name: 'U_eff', unit: 'eV', values: scan.uEff },
      { name: 'S18 largest Ta moment', unit: 'μ_B', values: scan.maxMoment },
      { name: 'S18 moment per cell', unit: 'μ_B', values: scan.momentPerCell },
    ],
  };
}
