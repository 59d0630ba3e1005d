// Fig. 1d in a real browser: it loads cleanly, draws, and answers the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, waitForDraw, inkFraction, canvasHash } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the front page links to the Fig. 1d page', async () => {
  const { page, problems, context } = await open(env, './');
  const link = page.locator('#figures a[href="hc2-angle.html"]');
  await link.waitFor();
  assert.match(await link.textContent(), /Fig\. 1d/);
  await link.click();
  await waitForDraw(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Fig. 1d loads with no console error or failed request and draws on a 2× screen', async () => {
  const { page, problems, context } = await open(env, 'hc2-angle.html', { scale: 2 });
  await waitForDraw(page);
  const size = await page.$eval('.ktao-figure canvas', (c) => [c.width, c.clientWidth]);
  assert.equal(size[0], 2 * size[1], 'canvas backing store is devicePixelRatio × its CSS width');
  const ink = await inkFraction(page);
  assert.ok(ink > 0.02 && ink < 0.5, `ink fraction ${ink}`);
  const rows = await page.$$eval('.ktao-readouts tr', (trs) => trs.map((t) => t.textContent));
  assert.ok(rows.some((r) => /prefer.*2D Tinkham/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /± .* T$/.test(r)), 'readouts carry errors and units');
  assert.deepEqual(problems, []);
  await context.close();
});

test('moving a slider by keyboard changes the drawing and the readout', async () => {
  const { page, problems, context } = await open(env, 'hc2-angle.html');
  await waitForDraw(page);
  const before = { hash: await canvasHash(page), text: await page.textContent('.ktao-readouts') };
  const slider = page.locator('input[type=range][name=hPar]');
  await slider.focus();
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('name'));
  assert.equal(focused, 'hPar');
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((t) => document.querySelector('.ktao-readouts').textContent !== t, before.text);
  assert.equal(await slider.inputValue(), '2.87');
  assert.notEqual(await canvasHash(page), before.hash);
  // Paper values bring the figure back exactly.
  await page.click('button.ktao-reset');
  await page.waitForFunction((t) => document.querySelector('.ktao-readouts').textContent === t, before.text);
  assert.equal(await canvasHash(page), before.hash);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an out-of-range value is refused in the status line and the page keeps working', async () => {
  const { page, problems, context } = await open(env, 'hc2-angle.html');
  await waitForDraw(page);
  const num = page.locator('input[type=number][aria-label^="μ₀H_c2⊥"]');
  await num.fill('-3');
  await num.press('Enter');
  await page.locator('.ktao-status.error').waitFor();
  assert.match(await page.textContent('.ktao-status'), /must be a number from 0\.02 to 1 T/);
  await num.fill('0.2');
  await num.press('Enter');
  await page.waitForFunction(() => document.querySelector('.ktao-status').textContent === '');
  assert.deepEqual(problems, []);
  await context.close();
});
