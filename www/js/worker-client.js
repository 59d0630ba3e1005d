// Runs exports of the ktao module off the main thread, in a module worker
// (js/workers/ktao-worker.js) that loads the same wasm package (family of
// figures, see ktao.js) itself.
//
//   const client = new WorkerClient('vacancy');
//   const model = await client.call('vacancyModel', [opts], {
//     onProgress: (iteration, residual) => show(iteration, residual),
//     signal: controller.signal,
//   });
//
// `call(method, args, { onProgress, signal })` resolves to what
// `ktao[method](...args)` returns in the worker (structured-cloned), or
// rejects with its Error's message. With `onProgress`, the export is given a
// progress callback as its last argument, and every call of it in the worker
// arrives here with the same arguments (at most one per PROGRESS_MS).
//
// Cancelling: a wasm call cannot be interrupted from outside, and a worker
// busy in one reads no messages, so aborting `signal` terminates the worker
// (the call rejects at once with an AbortError) and a fresh one is started,
// ready for the next call. Calls run one at a time, in order; aborting a
// call that has not started only removes it from the queue.
//
// Where a worker cannot be made (a page on another origin embedding the
// figure: a worker script must be same-origin with the page), calls run on
// the main thread after a frame, so that the page can show it is busy.
import { loadKtao } from './ktao.js';

const WORKER_URL = new URL('./workers/ktao-worker.js', import.meta.url);

/** An AbortError, as fetch rejects with. */
const aborted = () => new DOMException('The computation was cancelled.', 'AbortError');

export class WorkerClient {
  /**
   * @param {string} family the wasm package the calls go to (see ktao.js)
   * @param {{ url?: URL|string, lazy?: boolean }} options the worker script
   *   (default js/workers/ktao-worker.js); `lazy`: start the worker at the
   *   first call instead of now (a worker and its library take two cores'
   *   time to start, which a page may need for its first drawing)
   */
  constructor(family, { url = WORKER_URL, lazy = false } = {}) {
    this.family = family;
    this.url = new URL(url);
    this.url.searchParams.set('family', family);
    this.worker = null;
    this.started = false;
    this.running = null; // { id, resolve, reject, onProgress }
    this.queue = [];
    this.nextId = 1;
    this.spawns = 0; // workers started (the first, and one per cancelled call)
    if (!lazy) this.spawn();
  }

  /** Starts a worker (terminating any); null where workers cannot be made. */
  spawn() {
    this.started = true;
    this.worker?.terminate();
    this.worker = null;
    try {
      this.worker = new Worker(this.url, { type: 'module' });
      this.spawns += 1;
    } catch {
      return;
    }
    this.worker.addEventListener('message', ({ data }) => this.receive(data));
    this.worker.addEventListener('error', (e) => {
      // A failure to load the worker script or the module: reject what ran
      // and fall back to the main thread from now on.
      e.preventDefault();
      this.worker?.terminate();
      this.worker = null;
      this.running?.reject(new Error(`the worker failed: ${e.message || 'it could not load'}`));
      this.running = null;
      this.next();
    });
  }

  receive(data) {
    const job = this.running;
    if (!job || data.id !== job.id) return;
    if ('progress' in data) { job.onProgress?.(...data.progress); return; }
    this.running = null;
    if ('error' in data) job.reject(new Error(data.error)); else job.resolve(data.result);
    this.next();
  }

  /**
   * Runs `ktao[method](...args)` in the worker.
   * @param {string} method an export of the ktao module
   * @param {Array} args its arguments (structured-cloneable)
   * @param {{ onProgress?: Function, signal?: AbortSignal }} options
   * @returns {Promise<any>}
   */
  call(method, args = [], { onProgress, signal } = {}) {
    if (signal?.aborted) return Promise.reject(aborted());
    return new Promise((resolve, reject) => {
      const job = { id: this.nextId++, method, args, onProgress, resolve, reject, signal };
      signal?.addEventListener('abort', () => this.cancel(job), { once: true });
      this.queue.push(job);
      if (!this.running) this.next();
    });
  }

  cancel(job) {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    else if (this.running === job) {
      this.running = null;
      if (this.worker) this.spawn();
    } else return;
    job.reject(aborted());
    if (!this.running) this.next();
  }

  next() {
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    if (!this.started) this.spawn();
    if (this.worker) {
      this.worker.postMessage({ id: job.id, method: job.method, args: job.args, progress: Boolean(job.onProgress) });
    } else {
      this.runHere(job);
    }
  }

  /** The fallback: the call on the main thread, one frame after it was asked for. */
  async runHere(job) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    if (this.running !== job) return;
    try {
      const ktao = await loadKtao(this.family);
      const progress = job.onProgress ? [(...a) => { job.onProgress(...a); return !job.signal?.aborted; }] : [];
      const result = ktao[job.method](...job.args, ...progress);
      if (this.running !== job) return;
      this.running = null;
      job.resolve(result);
    } catch (err) {
      if (this.running !== job) return;
      this.running = null;
      job.reject(err instanceof Error ? err : new Error(String(err)));
    }
    this.next();
  }
}
