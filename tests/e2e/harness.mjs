// Shared set-up of the browser tests: one static server and one headless
// Debian Chromium (driven by playwright-core; never a downloaded browser).
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and the browser; `close()` stops both. */
export async function launch(serverOptions = {}) {
  const server = await startServer(serverOptions);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return { server, browser, close: async () => { await browser.close(); await server.close(); } };
}

/**
 * Opens `path` in a new page and records what a reader would call broken:
 * console errors, uncaught exceptions and failed or off-origin requests.
 */
export async function open(env, path, { scale = 1, width = 1100, height = 800, context: given, setup } = {}) {
  const context = given ?? await env.browser.newContext({ deviceScaleFactor: scale, viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(env.server.url).origin;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== origin) problems.push(`left the origin: ${r.url()}`);
  });
  await setup?.(page);
  await page.goto(new URL(path, env.server.url).href);
  return { page, context, problems };
}

// Both waits also need the figure settled (no change pending: for a figure
// that computes in a worker, its computation for the current state is done),
// so that a figure never reads as drawn between two steps of a key sequence.

/** Resolves once the figure in `selector` has drawn (or failed) and settled. */
export function waitForDraw(page, selector = '.ktao-figure') {
  return page.waitForFunction((sel) => {
    const root = document.querySelector(sel);
    return root && root.dataset.draws && Number(root.dataset.draws) > 0 && !root.dataset.pending;
  }, selector);
}

/** Resolves once the figure has drawn more times than `before` and settled. */
export function waitForRedraw(page, before, selector = '.ktao-figure') {
  return page.waitForFunction(([sel, n]) => {
    const root = document.querySelector(sel);
    return Number(root?.dataset.draws ?? 0) > n && !root.dataset.pending;
  }, [selector, before]);
}

/** How many times the figure has drawn. */
export function draws(page, selector = '.ktao-figure') {
  return page.$eval(selector, (r) => Number(r.dataset.draws ?? 0));
}

/** Fraction of canvas pixels that are not white, read back from the real canvas. */
export function inkFraction(page, selector = '.ktao-figure canvas') {
  return page.$eval(selector, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) ink++;
    return ink / (d.length / 4);
  });
}

/** A cheap fingerprint of the canvas pixels, to tell whether the drawing changed. */
export function canvasHash(page, selector = '.ktao-figure canvas') {
  return page.$eval(selector, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 2166136261;
    for (let i = 0; i < d.length; i += 7) { h ^= d[i]; h = Math.imul(h, 16777619); }
    return h >>> 0;
  });
}

/**
 * Resolves once the service worker is active, controls the page (it claims
 * it when it activates) and has cached `paths` (relative to the page), e.g.
 * the page's wasm: a first visit is then readable offline, and the worker's
 * install no longer competes with the page.
 */
export function offlineReady(page, paths) {
  return page.evaluate(async (want) => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 200; i++) {
      const cache = await caches.open('ktao-v1');
      const hits = await Promise.all(want.map((u) => cache.match(new URL(u, document.baseURI))));
      if (hits.every(Boolean) && navigator.serviceWorker.controller) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the service worker did not take the page or cache ${want.join(', ')}`);
  }, paths);
}
