// The shared page module. A figure declares its controls, draw call and
// readouts (js/figures/<id>.js); mountFigure builds the controls, sizes the
// canvas for devicePixelRatio, redraws on input, and gives every figure the
// same text alternative, pointer readout, status line and (on figure pages)
// URL state, exports, embed snippets and citation.
//
// An asynchronous figure (a long computation, e.g. in a Web Worker) also
// exports compute(ktao, state, { onProgress, onPartial, signal }), a promise
// of what its drawing needs; draw(ktao, canvas, state, scale, computed) and
// svg(ktao, state, width, height, computed) then take that result (the
// state it was computed for is the figure's to keep in it). A change of state
// starts a computation and aborts the one running; onProgress(text) shows
// in a progress line beside a Cancel button; onPartial(computed) draws a
// result that is not yet complete (the figure stays pending until the
// promise settles); a stale result is ignored, and a cancelled computation
// leaves the last figure in place.
import { loadKtao } from './ktao.js';
import { FIGURES } from './figures/index.js';
import { el, showReadouts, showTable } from './dom.js';
import { snap, buildControl } from './controls.js';
import { readFragment, decodeState, encodeState } from './url-state.js';
import { setupPointer } from './pointer.js';
import { buildChrome } from './chrome.js';

export { el };

/**
 * Mounts figure `id` into `root`.
 * @param {HTMLElement} root the container, emptied first
 * @param {string} id a key of FIGURES
 * @param {object} options
 *   controls: false hides the controls;
 *   fragment: a URL fragment with the state (versioned, see url-state.js);
 *   entries: [name, text] pairs with the state (element attributes);
 *   ignore: names in `fragment` or `entries` that are not state;
 *   page: true on a figure page — state from and to the URL, exports, embed
 *   box, citation.
 * @returns {Promise<object>} { state, set(name, value), redraw(), result(), specs,
 *   computed (an asynchronous figure's last computation), cancel() }
 */
export async function mountFigure(root, id, options = {}) {
  const entry = FIGURES[id];
  if (!entry) throw new Error(`figure must be one of ${Object.keys(FIGURES).join(', ')}, got "${id}"`);
  const [ktao, fig] = await Promise.all([loadKtao(entry.pkg), entry.load()]);
  const specs = fig.controls(fig.defaults(ktao)).map(snap);
  const state = Object.fromEntries(specs.map((c) => [c.name, c.value]));
  const given = options.entries
    ? decodeState(specs, options.entries, options)
    : readFragment(specs, options.page ? location.hash : options.fragment ?? '', options);
  Object.assign(state, given.state);
  const notes = given.notes;
  const setters = {};
  // A figure may tie controls together (its optional `linked(ktao, name,
  // value, state)` returns other controls' new values): choosing a sample preset sets
  // the sliders to that preset's values. Applied when the reader changes a
  // control, and to a link or element that names the preset but not the values.
  const follow = (name, value, keep = []) => {
    const more = fig.linked?.(ktao, name, value, state) ?? {};
    for (const c of specs) {
      if (!(c.name in more) || keep.includes(c.name)) continue;
      state[c.name] = snap({ ...c, value: more[c.name] }).value;
      setters[c.name]?.(state[c.name]);
    }
  };
  for (const [name, value] of Object.entries(given.state)) follow(name, value, Object.keys(given.state));

  root.replaceChildren();
  root.classList.add('ktao-figure');
  const plot = el('div', { class: 'ktao-plot' });
  const canvas = el('canvas', { role: 'img', 'aria-label': `${entry.paper}: ${entry.title}` });
  const caption = el('p', { class: 'ktao-summary', id: `${id}-summary-${Math.random().toString(36).slice(2, 8)}` });
  canvas.setAttribute('aria-describedby', caption.id);
  plot.append(canvas);
  const status = el('p', { class: 'ktao-status', role: 'status', 'aria-live': 'polite' });
  const note = el('p', { class: 'ktao-note', role: 'note' });
  const readouts = el('table', { class: 'ktao-readouts' });
  const tableButton = el('button', { type: 'button', class: 'ktao-table-toggle', 'aria-expanded': 'false' }, 'Show data table');
  const dataTable = el('table', { class: 'ktao-data', hidden: '' });
  // The data table is built when it is shown, not on every slider step.
  let tableStale = true;
  const fillTable = () => {
    if (!tableStale || dataTable.hidden || !last) return;
    showTable(dataTable, fig.table(last));
    tableStale = false;
  };
  tableButton.addEventListener('click', () => {
    const open = dataTable.hidden;
    dataTable.hidden = !open;
    fillTable();
    tableButton.setAttribute('aria-expanded', String(open));
    tableButton.textContent = open ? 'Hide data table' : 'Show data table';
  });

  const form = el('form', { class: 'ktao-controls', 'aria-label': `${entry.paper} controls` });
  form.addEventListener('submit', (e) => e.preventDefault());
  let inputError = null;
  for (const c of specs) {
    // Each control shows the state it starts from (the paper's value, or the link's).
    const { box, set } = buildControl({ ...c, value: state[c.name] }, (name, value, error) => {
      inputError = error ?? null;
      if (!error) { state[name] = value; follow(name, value); }
      schedule();
    });
    setters[c.name] = set;
    form.append(box);
  }
  const reset = el('button', { type: 'button', class: 'ktao-reset' }, 'Paper values');
  reset.addEventListener('click', () => {
    for (const c of specs) { state[c.name] = c.paper; setters[c.name](c.paper); }
    inputError = null;
    schedule();
  });
  form.append(reset);
  if (options.controls === false) form.hidden = true;

  let last = null;
  const pointer = setupPointer(plot, canvas, () => ({
    frame: last?.frame, points: last && fig.points ? fig.points(last) : [],
  }));
  const side = el('div', { class: 'ktao-side' });
  side.append(form, readouts, status, note);
  const busy = fig.compute ? buildBusy(side, () => handle.cancel()) : null;
  root.append(plot, side, caption, pointer.readout, tableButton, dataTable);
  if (notes.length) note.textContent = `Note: ${notes.join('; ')}.`;

  const handle = {
    id, entry, fig, ktao, specs, state, canvas,
    set(name, value) { state[name] = value; setters[name]?.(value); follow(name, value); schedule(); },
    redraw: draw,
    result: () => last,
    timings: [],
    computed: undefined,
    cancel() { job?.controller.abort(); },
  };
  root.ktao = handle; // for the page's own scripts and the tests
  const chrome = options.page ? buildChrome(root, handle) : null;

  let frame = 0;
  let firstDrawn = false;
  // An asynchronous figure: the computation running, the state (as JSON) of
  // the result it shows, and that of the last computation that finished or
  // was cancelled (neither is computed again when the page is resized).
  let job = null;
  let computedKey = null;
  let settled = null;
  let partialShown = false; // the figure shows a result still being completed
  let shown = state; // the state the figure shows (an async figure's last computed one)
  function draw() {
    frame = 0;
    if (inputError) { showStatus(inputError, true); settle(); return; }
    const dpr = window.devicePixelRatio || 1;
    if (Math.round(canvas.clientWidth * dpr) < 40 || Math.round(canvas.clientHeight * dpr) < 40) return; // hidden: drawn when it becomes visible
    if (fig.compute) {
      const key = JSON.stringify(state);
      if (key === job?.key) return;
      if (key === computedKey) {
        // Back to the state shown: no computation needed, drop the running one.
        const running = job;
        job = null;
        running?.controller.abort();
        busy.stop();
      } else if (key !== settled) { start(key); return; }
      if (handle.computed == null) return; // cancelled before any result
      render(performance.now(), false);
      return;
    }
    render(performance.now());
  }
  /**
   * Draws (an async figure: its last computed result). `fresh` is false when
   * an async figure only redraws what it showed (a resize): the status line
   * keeps what the last computation said (cancelled, or an error). `partial`:
   * a result still being completed, drawn without settling the figure.
   */
  function render(t0, fresh = true, partial = false) {
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(canvas.clientWidth * dpr);
    const h = Math.round(canvas.clientHeight * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    try {
      last = fig.compute
        ? fig.draw(ktao, canvas, shown, dpr, handle.computed)
        : fig.draw(ktao, canvas, state, dpr);
      if (!partial) handle.timings.push(performance.now() - t0);
      if (!firstDrawn) {
        firstDrawn = true;
        performance.mark(`ktao-first-draw:${id}`);
      }
      if (!partial && handle.timings.length === 1) performance.mark(`ktao-complete:${id}`);
      showReadouts(readouts, fig.readouts(last));
      caption.textContent = fig.summary(last, shown);
      tableStale = true;
      fillTable();
      pointer.refresh();
      if (fresh) showStatus('', false);
      if (options.page) history.replaceState(null, '', `#${encodeState(specs, shown)}`);
      chrome?.update();
    } catch (err) {
      showStatus(err instanceof Error ? err.message : String(err), true);
    }
    if (!partial) drawn();
  }
  function drawn() {
    settle();
    root.dataset.draws = String(Number(root.dataset.draws ?? 0) + 1);
    root.dispatchEvent(new CustomEvent('ktao-drawn', { detail: { result: last } }));
  }
  /** Starts the computation for `key` (the state as JSON), aborting the one running. */
  function start(key) {
    job?.controller.abort();
    const controller = new AbortController();
    const snapshot = { ...state };
    const t0 = performance.now();
    const mine = { key, controller };
    job = mine;
    busy.start();
    const onProgress = (text) => { if (job === mine) busy.progress(text); };
    const onPartial = (computed) => {
      if (job !== mine) return;
      shown = snapshot;
      handle.computed = computed;
      // What is shown is no finished computation: returning to the state
      // shown before computes it again.
      computedKey = null;
      partialShown = true;
      render(t0, true, true);
    };
    Promise.resolve()
      .then(() => fig.compute(ktao, snapshot, { onProgress, onPartial, signal: controller.signal }))
      .then((computed) => {
        if (job !== mine) return;
        job = null;
        settled = computedKey = key;
        partialShown = false;
        shown = snapshot;
        handle.computed = computed;
        busy.stop();
        render(t0);
      }, (err) => {
        if (job !== mine) return;
        job = null;
        busy.stop();
        if (controller.signal.aborted) {
          settled = key;
          showStatus(partialShown
            ? 'Cancelled: the figure shows the part computed so far; move a control to compute again.'
            : handle.computed
            ? 'Cancelled: the figure still shows the last finished result; move a control to compute again.'
            : 'Cancelled before a first result; move a control to compute again.', false);
          settle();
          root.dispatchEvent(new CustomEvent('ktao-cancelled'));
          return;
        }
        showStatus(err instanceof Error ? err.message : String(err), true);
        drawn();
      });
  }
  function showStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', isError);
  }
  // data-pending marks a change not yet drawn (for an asynchronous figure:
  // until its computation has finished, failed or been cancelled), so that a
  // test or a script can wait for the figure to settle.
  function schedule() {
    root.dataset.pending = 'true';
    if (!frame) frame = requestAnimationFrame(draw);
  }
  function settle() { delete root.dataset.pending; }
  new ResizeObserver(schedule).observe(plot);
  schedule();
  return handle;
}

/**
 * The progress line and Cancel button of an asynchronous figure, right under
 * the controls in `side`. The button stays in the tab order (aria-disabled
 * while idle), so keyboard users find it where it will be.
 */
function buildBusy(side, onCancel) {
  const box = el('div', { class: 'ktao-busy' });
  const line = el('p', { class: 'ktao-progress' });
  const cancel = el('button', { type: 'button', class: 'ktao-cancel', 'aria-disabled': 'true' }, 'Cancel');
  cancel.addEventListener('click', () => { if (cancel.getAttribute('aria-disabled') !== 'true') onCancel(); });
  box.append(line, cancel);
  side.querySelector('.ktao-controls').after(box);
  let text = '';
  let frame = 0;
  return {
    start() {
      cancel.setAttribute('aria-disabled', 'false');
      box.classList.add('running');
      text = 'Computing…';
      line.textContent = text;
    },
    stop() { cancel.setAttribute('aria-disabled', 'true'); box.classList.remove('running'); text = ''; line.textContent = ''; },
    // At most one DOM update per frame, however often the computation reports.
    progress(t) {
      text = t;
      frame ||= requestAnimationFrame(() => { frame = 0; if (box.classList.contains('running')) line.textContent = text; });
    },
  };
}

