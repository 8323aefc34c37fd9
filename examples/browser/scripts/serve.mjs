#!/usr/bin/env node
// A tiny static server for the page: index.html and dist/, on 127.0.0.1 only.
//   node scripts/serve.mjs [port]   (build first: node scripts/build.mjs)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json' };

/**
 * Serves index.html and the files under dist/.
 * @param port - the port; 0 picks a free one
 * @returns the server's base URL and a `close()`
 */
export async function serveExample(port = 0) {
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
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actualPort } = server.address();
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] === import.meta.filename) {
  const { url } = await serveExample(Number(process.argv[2] ?? 8080));
  console.log(`serving ${url}/index.html?apiUrl=...&username=...&password=...`);
}
