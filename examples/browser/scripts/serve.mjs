#!/usr/bin/env node
// A tiny static server for the page: index.html and dist/, on 127.0.0.1 only.
//   node scripts/serve.mjs [port]   (build first: node scripts/build.mjs)
import path from 'node:path';
import { servePage } from '../../shared/page-tools.mjs';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Serves index.html and the files under dist/.
 * @param port - the port; 0 picks a free one
 * @returns the server's base URL and a `close()`
 */
export function serveExample(port = 0) {
  return servePage(root, port);
}

if (process.argv[1] === import.meta.filename) {
  const { url } = await serveExample(Number(process.argv[2] ?? 8080));
  console.log(`serving ${url}/index.html?apiUrl=...&username=...&password=...`);
}
