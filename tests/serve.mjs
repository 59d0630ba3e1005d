// A static server for www/ (sirv: correct MIME types, including
// application/wasm). `node tests/serve.mjs [--port 8000] [--prefix /ktao/]`
// serves the site; tests import startServer() and get a free port.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'www');

/** Serves `root` under `prefix` ('/' or '/name/'); resolves to { url, close }. */
export function startServer({ root = WWW, port = 0, host = '127.0.0.1', prefix = '/' } = {}) {
  const files = sirv(root, { dev: true, etag: true });
  const server = http.createServer((req, res) => {
    if (!req.url.startsWith(prefix)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    req.url = `/${req.url.slice(prefix.length)}`;
    files(req, res, () => { res.statusCode = 404; res.end('not found'); });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ url: `http://${host}:${p}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await startServer({ port: Number(arg('--port', 8000)), prefix: arg('--prefix', '/') });
  console.log(`ktao supplement at ${url}  (Ctrl-C stops)`);
}
