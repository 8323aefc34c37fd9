/** Bundles `<root>/src/main.ts` with esbuild; resolves to the bundle's path and the files it bundled. */
export function buildPage(root: string): Promise<{ outfile: string; inputs: string[] }>;
/** Serves `<root>/index.html` and `<root>/dist/` on 127.0.0.1; resolves to the base URL and a `close()`. */
export function servePage(root: string, port?: number): Promise<{ url: string; close(): Promise<void> }>;
