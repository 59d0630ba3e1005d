// The page analyze.html with the benchmark's 200,000-row MPMS3 file (see
// crate/examples/bench.rs) in headless Chromium: the parse in the worker,
// the time from setting the file to the drawn analysis of its first loop,
// and how the page's own thread fared meanwhile (frames drawn and the
// longest gap between two of them). Median of 3 runs.
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, open } from '../e2e/harness.mjs';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

export async function analyzeTimings() {
  const fixture = new URL('../../../shared/fixtures/quantum-design/mpms3-vsm-mh.dat', import.meta.url);
  const lines = (await readFile(fixture, 'latin1')).split('\n');
  const names = lines.findIndex((l) => l.trim() === '[Data]') + 1;
  const rows = lines.slice(names + 1).filter((l) => l);
  const out = lines.slice(0, names + 1);
  for (let i = 0; i < 200_000; i++) out.push(rows[i % rows.length]);
  const dir = await mkdtemp(path.join(tmpdir(), 'ktao-bench-'));
  const file = path.join(dir, 'mpms3-200k.dat');
  await writeFile(file, `${out.join('\n')}\n`, 'latin1');
  const env = await launch();
  const runs = [];
  try {
    for (let k = 0; k < 3; k++) {
      const { page, context } = await open(env, 'analyze.html');
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      await page.evaluate(() => {
        const w = { frames: 0, gap: 0, last: 0 };
        window.benchFrames = w;
        const tick = (t) => {
          if (document.body.dataset.reading === 'true') {
            if (w.last) w.gap = Math.max(w.gap, t - w.last);
            w.frames += 1;
            w.last = t;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const t0 = await page.evaluate(() => performance.now());
      await page.setInputFiles('#file', file);
      await page.waitForFunction(() => Number(document.getElementById('result').dataset.draws ?? 0) > 0, null, { timeout: 120_000 });
      const r = await page.evaluate((start) => ({
        drawnMs: performance.now() - start,
        parseMs: Number(document.getElementById('progress').textContent.match(/in (\d+) ms/)?.[1]),
        ...window.benchFrames,
      }), t0);
      runs.push(r);
      await context.close();
    }
  } finally {
    await env.close();
    await rm(dir, { recursive: true, force: true });
  }
  const pick = (k) => median(runs.map((r) => r[k]));
  return { bytes: (out.join('\n').length + 1), parseMs: pick('parseMs'), drawnMs: pick('drawnMs'), frames: pick('frames'), gapMs: pick('gap') };
}

export function printAnalyzeTable(r) {
  console.log(`\nanalyze.html with the 200,000-row MPMS3 file (${(r.bytes / 1e6).toFixed(1)} MB), median of 3\n`);
  console.log('| parse in the worker ms | file set → analysis drawn ms | frames drawn while parsing | longest frame gap ms |');
  console.log('|---:|---:|---:|---:|');
  console.log(`| ${r.parseMs.toFixed(0)} | ${r.drawnMs.toFixed(0)} | ${r.frames} | ${r.gapMs.toFixed(0)} |`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) printAnalyzeTable(await analyzeTimings());
