// The benchmark table: each case natively, in wasm (headless Chromium) and
// with the baseline a physicist would use (SciPy), measured in one run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { wasmTimings } from './wasm.mjs';

const root = new URL('../../', import.meta.url).pathname;
const lines = (out) => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const byCase = (rows) => Object.fromEntries(rows.map((r) => [r.case, r.us_per_call]));

const native = byCase(lines(execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench'], { cwd: root, encoding: 'utf8' })));
const timings = await wasmTimings();
const wasm = byCase(timings.cases);
const scipy = byCase(lines(execFileSync(`${root}.venv/bin/python`, ['tests/bench/scipy_baseline.py'], { cwd: root, encoding: 'utf8' })));

const f = (v) => (v === undefined ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : '—');
console.log('\nTime per call, µs (median of 7 batches of ≥ 50 ms)\n');
console.log('| case | ktao native | ktao wasm | SciPy/NumPy | SciPy / wasm | wasm / native |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const c of Object.keys(native)) {
  console.log(`| ${c} | ${f(native[c])} | ${f(wasm[c])} | ${f(scipy[c])} | ${ratio(scipy[c], wasm[c])} | ${ratio(wasm[c], native[c])} |`);
}
console.log('\nPer-figure update in headless Chromium: the draw call a control triggers (model + drawing on a 900 × 600 canvas), ms over 60 updates; target p95 ≤ 8 ms\n');
console.log('| figure | median | p95 |');
console.log('|---|---:|---:|');
for (const u of timings.updates) console.log(`| ${u.figure} | ${u.median_ms.toFixed(2)} | ${u.p95_ms.toFixed(2)} |`);
const bin = readFileSync(`${root}www/pkg/ktao_bg.wasm`);
console.log(`\nRelease ktao_bg.wasm: ${(bin.length / 1024).toFixed(1)} KiB raw, ${(gzipSync(bin, { level: 9 }).length / 1024).toFixed(1)} KiB gzip -9`);
