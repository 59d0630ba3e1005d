// Embedding in lecture pages: the custom element, the iframe, a figure that
// starts hidden, and a reveal.js slide; plus offline use and a sub-path host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, waitForDraw, inkFraction, offlineReady } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const drawn = (page, sel) => page.waitForFunction((s) => Number(document.querySelector(s)?.dataset.draws ?? 0) > 0, sel);

test('the lecture page: elements with attributes, no controls, an iframe, one wasm load', async () => {
  const wasmLoads = [];
  const { page, problems, context } = await open(env, 'examples/lecture.html', {
    setup: (p) => p.on('request', (r) => { if (r.url().endsWith('.wasm') && r.frame() === p.mainFrame()) wasmLoads.push(r.url()); }),
  });
  await drawn(page, 'ktao-figure:nth-of-type(1)');
  await drawn(page, 'ktao-figure[controls="none"]');
  const first = await page.$eval('ktao-figure', (e) => e.ktao.state);
  assert.equal(first.hPar, 5, 'h-par="5" sets the state');
  assert.ok(await page.$eval('ktao-figure[controls="none"] .ktao-controls', (f) => f.hidden));
  assert.equal(await page.$eval('ktao-figure[controls="none"]', (e) => e.ktao.state.noise), 6);
  assert.equal(wasmLoads.length, 1, `the module loads once: ${wasmLoads}`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.ktao-figure[data-draws]').waitFor();
  assert.match(await frame.locator('.ktao-readouts').textContent(), /2D Tinkham/);
  // The hidden section's figure draws once it is shown.
  const hidden = '#later ktao-figure';
  assert.equal(await page.$eval(hidden, (e) => e.dataset.draws ?? '0'), '0');
  await page.click('#show-later');
  await drawn(page, hidden);
  assert.ok(await inkFraction(page, `${hidden} canvas`) > 0.01);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown figure or attribute gives a readable message, not a broken page', async () => {
  const { page, context } = await open(env, 'embed.html#figure=nope');
  await page.locator('.ktao-status.error').waitFor();
  assert.match(await page.textContent('.ktao-status.error'), /figure must be one of (\S+, )*hc2-angle, .*got "nope"/);
  await context.close();
});

test('a reveal.js slide draws its figure when shown, and keys inside it do not change the slide', async () => {
  const { page, problems, context } = await open(env, 'examples/deck.html');
  await page.waitForFunction(() => window.deck?.isReady());
  await page.evaluate(() => window.deck.slide(2));
  await drawn(page, 'ktao-figure');
  assert.ok(await inkFraction(page, 'ktao-figure canvas') > 0.01);
  const slider = page.locator('ktao-figure input[type=range][name=hPar]');
  const before = await slider.inputValue();
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.notEqual(await slider.inputValue(), before);
  assert.equal(await page.evaluate(() => window.deck.getIndices().h), 2, 'still on the same slide');
  assert.deepEqual(problems, []);
  await context.close();
});

test('after one visit the site works offline', async () => {
  const { page, problems, context } = await open(env, 'hc2-angle.html');
  await waitForDraw(page);
  await offlineReady(page, ['pkg/superconductivity/ktao_bg.wasm']);
  await context.setOffline(true);
  problems.length = 0;
  await page.reload();
  await waitForDraw(page);
  assert.ok(await inkFraction(page) > 0.01);
  assert.match(await page.textContent('.ktao-readouts'), /2D Tinkham/);
  await context.close();
});

test('the site works from a sub-path, as GitHub Pages serves it', async () => {
  const sub = await launch({ prefix: '/ktao/' });
  try {
    for (const path of ['', 'hc2-angle.html', 'examples/lecture.html']) {
      const { page, problems, context } = await open(sub, path);
      await page.locator('.ktao-figure[data-draws], #figures li').first().waitFor();
      assert.ok(page.url().includes('/ktao/'));
      assert.deepEqual(problems, [], path);
      await context.close();
    }
  } finally {
    await sub.close();
  }
});
