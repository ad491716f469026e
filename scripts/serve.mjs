// A static file server for www/ on 127.0.0.1 only, with the right MIME types
// (.wasm as application/wasm, for WebAssembly.instantiateStreaming).
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './setup.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port). A `pkg/` folder the tree does not
 * have is the built package (the pages in www/ load it from ./pkg/, as a page would), an
 * `authoring/` folder is the editor's wasm with the extractor (pkg-authoring/, which only the
 * playground's paste mode loads), and a `static/` folder it does not have is the command
 * line's golden images (tests/golden/cli/), the demo's fallbacks.
 * `headers` are added to every response (e.g. a Content-Security-Policy to test under).
 * Resolves to the server.
 */
export function serve(root = join(ROOT, 'www'), port = 0, headers = {}, tls = null) {
  // With `tls` ({ key, cert }), over https: what an embed page and its data are served over.
  const make = tls ? (handler) => createTlsServer(tls, handler) : createServer;
  const server = make(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      let base = root;
      let rel = path;
      for (const [dir, built] of [['pkg', join(ROOT, 'pkg')], ['authoring', join(ROOT, 'pkg-authoring')], ['static', join(ROOT, 'tests', 'golden', 'cli')]]) {
        const m = new RegExp(`^(.*)/${dir}/(.*)$`).exec(path);
        if (m && !existsSync(join(root, m[1], dir))) {
          base = built;
          rel = `/${m[2]}`;
        }
      }
      let file = normalize(join(base, rel));
      if (file !== base && !file.startsWith(base + sep)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
        // Embeds copied from the playground load the module from another origin.
        'access-control-allow-origin': '*',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(join(ROOT, 'www'), Number(process.env.PORT || 8080));
  console.log(`Serving www/ at http://127.0.0.1:${server.address().port}/`);
}
