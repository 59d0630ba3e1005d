// The benchmark table: each case natively, in wasm (headless Chromium) and
// with the baseline a physicist would use (SciPy; pandas read_csv for the
// file reader), measured in one run.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { wasmTimings } from './wasm.mjs';
import { pageTimings, printPageTable } from './pages.mjs';
import { analyzeTimings, printAnalyzeTable } from './analyze.mjs';

const root = new URL('../../', import.meta.url).pathname;
// `fits`: only the superconductivity cases (fits and model evaluations).
const only = process.argv[2];
if (only !== undefined && only !== 'fits') throw new Error(`unknown selection ${only}: the only one is "fits"`);
const env = { ...process.env, KTAO_BENCH_ONLY: only ?? '' };
const lines = (out) => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const byCase = (rows) => Object.fromEntries(rows.map((r) => [r.case, r.us_per_call]));

const nativeRows = lines(execFileSync('cargo', ['run', '--quiet', '--profile', 'bench-native', '--example', 'bench'], { cwd: root, encoding: 'utf8', env }));
const native = byCase(nativeRows);
const timings = await wasmTimings(only);
const wasm = byCase(timings.cases);
const scipy = byCase(lines(execFileSync(`${root}.venv/bin/python`, ['tests/bench/scipy_baseline.py'], { cwd: root, encoding: 'utf8', env })));

const f = (v) => (v === undefined ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : '—');
console.log('\nTime per call, µs (median of 7 batches of ≥ 50 ms; the 200k cases: median of 5 single calls)\n');
console.log('| case | ktao native | ktao wasm | SciPy / pandas | baseline / wasm | wasm / native |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const c of Object.keys(native)) {
  console.log(`| ${c} | ${f(native[c])} | ${f(wasm[c])} | ${f(scipy[c])} | ${ratio(scipy[c], wasm[c])} | ${ratio(wasm[c], native[c])} |`);
}
if (timings.updates.length) {
  console.log('\nPer-figure update: one draw call (compute + draw into a 900×560 canvas), ms over 100 calls\n');
  console.log('| figure | median | p95 |');
  console.log('|---|---:|---:|');
  for (const u of timings.updates) console.log(`| ${u.figure} | ${u.median_ms.toFixed(2)} | ${u.p95_ms.toFixed(2)} |`);
}
// What the solver cases are made of (matrix size, SCF steps, time per step
// and per diagonalised block), natively and in wasm.
const details = (rows) => rows.filter((r) => Object.keys(r).length > 2);
for (const [where, rows] of [['native', nativeRows], ['wasm', timings.cases]]) {
  for (const r of details(rows)) {
    const extra = Object.entries(r).filter(([k]) => !['case', 'us_per_call'].includes(k));
    console.log(`${where} ${r.case}: ${extra.map(([k, v]) => `${k} ${typeof v === 'number' && !Number.isInteger(v) ? f(v) : v}`).join(', ')}`);
  }
}
console.log('\nRelease wasm modules, one per family of figures (a page loads one)\n');
console.log('| family | raw KiB | gzip -9 KiB |');
console.log('|---|---:|---:|');
for (const family of readdirSync(`${root}www/pkg`)) {
  const bin = readFileSync(`${root}www/pkg/${family}/ktao_bg.wasm`);
  console.log(`| ${family} | ${(bin.length / 1024).toFixed(1)} | ${(gzipSync(bin, { level: 9 }).length / 1024).toFixed(1)} |`);
}

if (!only) {
  printPageTable(await pageTimings());
  printAnalyzeTable(await analyzeTimings());
}
