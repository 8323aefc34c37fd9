// What the browser examples share: bundling a page's script with esbuild and serving the page on
// 127.0.0.1. Each example's scripts/build.mjs and scripts/serve.mjs call these with its own folder.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.png': 'image/png',
};

/**
 * Bundles `<root>/src/main.ts` for the browser into `<root>/dist/main.js`. esbuild's `browser`
 * platform picks the facade's browser platform (settings on localStorage) through the `browser`
 * condition of the package's `#platform` import.
 * @param root - the example's folder
 * @returns the path of the bundle and the input files esbuild bundled
 */
export async function buildPage(root) {
  const outfile = path.join(root, 'dist', 'main.js');
  const result = await build({
    entryPoints: [path.join(root, 'src', 'main.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
    // The packages' bundled dist imports its shared chunks for their exports, never for side
    // effects, so esbuild dropping those bare imports (with a warning each) is right.
    logOverride: { 'ignored-bare-import': 'silent' },
  });
  return { outfile, inputs: Object.keys(result.metafile.inputs) };
}

/**
 * Serves `<root>/index.html` (also at `/`) and the files under `<root>/dist/`, nothing else.
 * @param root - the example's folder
 * @param port - the port; 0 picks a free one
 * @returns the server's base URL and a `close()`
 */
export async function servePage(root, port = 0) {
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = path.join(root, relative);
    const allowed = relative === 'index.html' || file.startsWith(path.join(root, 'dist') + path.sep);
    if (!allowed || !fs.existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actualPort } = server.address();
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
