// Per-figure page performance in headless Chromium: model + draw time per
// update while the main control steps 100 times (p50/p95), time from
// navigation to the first drawn figure, and the gzip size of a first visit.
// A figure that computes in a worker (Fig. 3) is timed from the request to
// the final drawing (page.js records that span), over fewer steps; EXTRA
// adds rows for its controls that cost more than the main one.
import { gzipSync } from 'node:zlib';
import { FIGURES } from '../../www/js/figures/index.js';
import { launch, open, waitForDraw, offlineReady } from '../e2e/harness.mjs';

/** Steps of the main control: an asynchronous figure's take a worker round trip each. */
const STEPS = 100;
const ASYNC_STEPS = 20;
/** More rows: figure id → controls to step as well (and how many steps). */
const EXTRA = { vacancy: [['vacancyPotential', 8]] };
/**
 * Figure id → a link with other values than the paper's, whose first figure
 * is measured too: Fig. 3 restarts the paper's values from a saved solution
 * (one SCF step), and any other link solves cold in a worker.
 */
const OTHER_LINK = { vacancy: ['v=1&u-eff=1.05', 'U_eff = 1.05 eV (cold SCF)'] };

const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

/** Fresh visits (a new browser context each) whose median is the first-figure time. */
const VISITS = 5;
/** The times from navigation to the first drawing and to the complete figure, ms. */
const marks = (page, id) => page.evaluate((fid) => ['first-draw', 'complete']
  .map((m) => performance.getEntriesByName(`ktao-${m}:${fid}`)[0]?.startTime), id);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/**
 * The median over VISITS fresh visits (`page` is the first) of the times to
 * the first drawing and to the complete figure: an asynchronous figure draws
 * before its computation is complete (Fig. 3: the model, then each point of
 * the scan).
 */
async function firstFigure(env, id, page, hash = '') {
  const runs = page ? [await marks(page, id)] : [];
  while (runs.length < VISITS) {
    const visit = await open(env, `${id}.html${hash && `#${hash}`}`);
    await waitForDraw(visit.page);
    runs.push(await marks(visit.page, id));
    await visit.context.close();
  }
  return [0, 1].map((k) => median(runs.map((r) => r[k])));
}

/** `only`: figure ids to measure (all when absent). */
export async function pageTimings(only) {
  const env = await launch();
  const rows = [];
  try {
    for (const id of Object.keys(FIGURES).filter((f) => !only?.length || only.includes(f))) {
      const bytes = { wasm: 0, js: 0, html: 0, css: 0, other: 0 };
      const pending = [];
      const seen = new Set(); // a worker fetches the module the page has (from the HTTP cache)
      const { page, context } = await open(env, `${id}.html`, {
        setup: (p) => p.on('response', (r) => !seen.has(r.url()) && seen.add(r.url()) && pending.push(r.body().then((b) => {
          const ext = new URL(r.url()).pathname.split('.').pop();
          const kind = ext === 'mjs' ? 'js' : ext in bytes ? ext : ext === 'svg' ? 'other' : 'html';
          bytes[kind] += gzipSync(b, { level: 9 }).length;
        }).catch(() => {}))),
      });
      await waitForDraw(page);
      // The service worker installs after the first drawing: the steps start
      // once it has cached the page, as they would for a reader a moment later.
      await offlineReady(page, [`pkg/${FIGURES[id].pkg}/ktao_bg.wasm`]);
      const [first, complete] = await firstFigure(env, id, page);
      const step = (name, steps) => page.evaluate(async ([n, count, plain, worker]) => {
        const root = document.querySelector('.ktao-figure');
        const range = n ? root.querySelector(`.ktao-controls input[name=${n}]`)
          : root.querySelector('.ktao-controls input[type=range]');
        const steps = count ?? (root.ktao.fig.compute ? worker : plain);
        root.ktao.timings.length = 0;
        const [min, max] = [Number(range.min), Number(range.max)];
        for (let i = 0; i < steps; i++) {
          const before = Number(root.dataset.draws);
          range.value = String(min + ((max - min) * (i + 1)) / (steps + 1));
          range.dispatchEvent(new Event('input', { bubbles: true }));
          while (Number(root.dataset.draws) === before || root.dataset.pending) {
            await new Promise((r) => requestAnimationFrame(r));
          }
        }
        return { control: range.name, t: [...root.ktao.timings], steps };
      }, [name, steps, STEPS, ASYNC_STEPS]);
      const runs = [await step(null, null)];
      for (const [name, n] of EXTRA[id] ?? []) runs.push(await step(name, n));
      await Promise.all(pending);
      for (const [i, timings] of runs.entries()) {
        rows.push({
          id, paper: FIGURES[id].paper, control: timings.control, steps: timings.steps,
          p50: pct(timings.t, 0.5), p95: pct(timings.t, 0.95), first: i ? undefined : first,
          complete: i || complete - first < 1 ? undefined : complete, bytes: i ? undefined : bytes,
        });
      }
      if (OTHER_LINK[id]) {
        const [hash, label] = OTHER_LINK[id];
        const [f, c] = await firstFigure(env, id, null, hash);
        rows.push({ id, paper: FIGURES[id].paper, control: `link: ${label}`, first: f, complete: c });
      }
      await context.close();
    }
  } finally {
    await env.close();
  }
  return rows;
}

export function printPageTable(rows) {
  console.log(`\nPer-figure page: model + draw per update (${STEPS} steps of the main control; a worker figure: `
    + `request to final drawing, ${ASYNC_STEPS} steps), first figure (median of ${VISITS} fresh visits), first visit\n`);
  console.log('| figure | control (steps) | p50 ms | p95 ms | first figure ms | first visit gzip KiB (wasm / js / html / css) |');
  console.log('|---|---|---:|---:|---:|---|');
  for (const r of rows) {
    const b = r.bytes;
    if (r.p50 === undefined) {
      console.log(`| ${r.paper} ${r.id} | ${r.control} | | | ${r.first.toFixed(0)} (complete ${r.complete.toFixed(0)}) | |`);
      continue;
    }
    if (!b) {
      console.log(`| ${r.paper} ${r.id} | ${r.control} (${r.steps}) | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | | |`);
      continue;
    }
    const total = Object.values(b).reduce((a, x) => a + x, 0) / 1024;
    const kib = (x) => (x / 1024).toFixed(1);
    const first = `${r.first?.toFixed(0)}${r.complete ? ` (complete ${r.complete.toFixed(0)})` : ''}`;
    console.log(`| ${r.paper} ${r.id} | ${r.control} (${r.steps}) | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${first} | ${total.toFixed(1)} (${kib(b.wasm)} / ${kib(b.js)} / ${kib(b.html)} / ${kib(b.css)}) |`);
  }
}
